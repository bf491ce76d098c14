#!/usr/bin/env python3
"""Writes src/CommandCenter.Web/wwwroot/public.css: the part of MudBlazor's stylesheet the residents' pages (/r, /t) use.

A first visit on a phone should not bring the whole kit's stylesheet (the biggest asset). A rule is kept when every
class its selector names belongs to a component those pages render (KIT_PREFIXES) or is a utility class their markup
names (Class="..." in the files of PAGES); rules that name no class (the base: html, body, *) are kept too, and the
keyframes the kept rules animate with. Run again after a MudBlazor upgrade or when those pages use another component;
the browser test ResidentPages_LookTheSameWithTheSlimSheetAsWithTheKits fails when an element would look different.
"""
import pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WEB = ROOT / "src/CommandCenter.Web"
PAGES = [*sorted((WEB / "Components/Pages/Public").glob("*.razor")), WEB / "Components/Layout/PublicLayout.razor",
         WEB / "Components/Controls/StateChip.razor"]
# The components the resident pages render, by the class prefixes they put on their elements.
KIT_PREFIXES = (
    "mud-typography", "mud-button", "mud-alert", "mud-paper", "mud-input", "mud-text-field", "mud-icon", "mud-svg-icon",
    "mud-timeline", "mud-progress", "mud-link", "mud-chip", "mud-ripple", "mud-elevation-", "mud-width-full", "mud-shrink",
    "mud-disabled", "mud-dense", "mud-square", "mud-popover-provider", "mud-primary", "mud-secondary", "mud-tertiary",
    "mud-info", "mud-success", "mud-warning", "mud-error", "mud-dark", "mud-default", "mud-inherit", "mud-text-",
    "mud-surface", "mud-theme-", "mud-border-", "mud-focus", "mud-ltr", "mud-flip-x-rtl",
)
# Utility classes those components put on their own elements (a progress bar's "horizontal", an alert's "d-flex"…).
KIT_UTILITIES = {"d-flex", "align-center", "justify-start", "justify-space-between", "ms-auto", "px-2", "horizontal"}


def version():
    props = (ROOT / "Directory.Packages.props").read_text()
    return re.search(r'Include="MudBlazor" Version="([^"]+)"', props).group(1)


def used_utilities():
    names = set()
    for page in PAGES:
        for value in re.findall(r'Class="([^"@]*)"', page.read_text()):
            names.update(value.split())
    return names


def blocks(css):
    """Top-level (prelude, body) pairs of a minified stylesheet."""
    i, out = 0, []
    while i < len(css):
        start = css.find("{", i)
        if start < 0:
            break
        depth, j = 1, start + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        out.append((css[i:start].strip(), css[start + 1:j - 1]))
        i = j
    return out


def classes(selector):
    return [c.replace("\\", "") for c in re.findall(r"\.((?:\\.|[A-Za-z0-9_-])+)", selector)]


def split_selectors(prelude):
    parts, depth, current = [], 0, ""
    for ch in prelude:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return parts + [current]


def subset(css, allowed):
    out = []
    for prelude, body in blocks(css):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = subset(body, allowed)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            continue  # keyframes are added by name afterwards; vendor at-rules are not needed by Chromium or Safari
        else:
            kept = [s for s in split_selectors(prelude) if all(allowed(c) for c in classes(s))]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def main():
    source = pathlib.Path.home() / f".nuget/packages/mudblazor/{version()}/staticwebassets/MudBlazor.min.css"
    css = source.read_text(encoding="utf-8-sig")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    utilities = used_utilities() | KIT_UTILITIES
    kept = subset(css, lambda c: c.startswith(KIT_PREFIXES) or c in utilities)
    keyframes = [f"{p}{{{b}}}" for p, b in blocks(css)
                 if p.startswith("@keyframes ") and re.search(rf"\b{re.escape(p.split()[1])}\b", kept)]
    target = WEB / "wwwroot/public.css"
    target.write_text(f"/* MudBlazor {version()} (MIT), the part the residents' pages use: written by scripts/public-css.py, do not edit. */\n"
                      + kept + "".join(keyframes) + "\n", encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes of {source.stat().st_size:,}", file=sys.stderr)


if __name__ == "__main__":
    main()
