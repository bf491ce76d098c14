// Starts Blazor (App.razor loads it with autostart="false") with a reconnection schedule for servers behind a
// proxy. When a server dies, the proxy goes on sending its browsers there (502) until its health check drops it a
// second or two later; Blazor's default schedule spends its ten immediate retries on those 502s within half a
// second and then waits 5 s. Trying every second reaches the live server at once: it refuses the circuit it does
// not know, and the page reloads there (ReconnectModal.razor.js), so a wall is live again within seconds.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 30,
            retryIntervalMilliseconds: (previousAttempts, maxRetries) =>
                previousAttempts >= maxRetries ? null : previousAttempts === 0 ? 0 : 1000,
        },
    },
});
