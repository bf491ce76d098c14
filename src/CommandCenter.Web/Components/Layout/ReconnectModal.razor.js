// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// What the overlay says it is doing: which attempt, and either the seconds to the next one or that it
// is trying now. Blazor's own countdown reads 0 for as long as an attempt takes; this one never does.
const status = document.getElementById("cc-reconnect-status");
let attempt = 0;
function showStatus(secondsToNextAttempt) {
    const attemptText = status.dataset.attempt.replace("{0}", attempt);
    status.textContent = secondsToNextAttempt > 0
        ? `${attemptText} · ${status.dataset.next.replace("{0}", secondsToNextAttempt)}`
        : `${attemptText} · ${status.dataset.trying}`;
}

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        attempt = 1;
        showStatus(0);
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        clearRetry();
        reconnectModal.close();
    } else if (event.detail.state === "retrying") {
        attempt = event.detail.currentAttempt;
        showStatus(event.detail.secondsToNextAttempt);
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        retryLater();
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    clearRetry();
    attempt++;
    showStatus(0);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        retryLater();
    }
}

// A wall runs unattended and is always visible: keep trying until the server is back
// (a restart, a network drop), then reconnect or reload on our own, counting down to each try.
const retryDelaySeconds = 5;
let retryTimer = null;
function retryLater() {
    if (retryTimer !== null) return;
    let seconds = retryDelaySeconds;
    showStatus(seconds);
    retryTimer = setInterval(() => {
        seconds--;
        if (seconds > 0) {
            showStatus(seconds);
        } else {
            retry();
        }
    }, 1000);
}

function clearRetry() {
    clearInterval(retryTimer);
    retryTimer = null;
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
