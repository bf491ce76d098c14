// The wall's root font follows the screen (app.css); Plotly needs the same size in pixels to lay out its axes.
export function rootFontSize() {
    return parseFloat(getComputedStyle(document.documentElement).fontSize);
}
