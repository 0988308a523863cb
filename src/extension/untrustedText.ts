// Names from DNS answers, hosts files and documents are attacker-controlled. Some VS Code surfaces that look
// like plain text give part of their syntax a meaning: these keep such text literal.

/** VS Code's theme-icon syntax (ThemeIcon.iconNameExpression and its ~modifier), exactly as the workbench matches it. */
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * For quick-pick labels, descriptions and details, which draw `$(name)` as an icon. A backslash before it makes
 * the workbench draw the text instead (and eat the backslash), so `\$(x)` in the data becomes `\\$(x)`: exact.
 */
export function withoutIcons(text: string): string {
  return text.replace(ICON, (icon) => `\\${icon}`);
}

/**
 * For notification messages, which turn `[label](https:…|command:…|file:…)` into a link that runs on click
 * (commands included). A word joiner (invisible) between `]` and `(` keeps the text as it looks, but no link.
 */
export function withoutLinks(text: string): string {
  return text.replace(/\]\(/g, ']\u2060(');
}

/**
 * Markdown source that renders as exactly `text`. MarkdownString.appendText escapes markdown syntax but not
 * `<` (a raw HTML tag is dropped when supportHtml is off, so `<img src=x>` would vanish), `&` (entities would be
 * decoded) or what GFM turns into links by itself (`https://…`, `www.…`, `a@b.example`). Every ASCII punctuation
 * character may be backslash-escaped in CommonMark, so escaping all of them leaves no markup and no autolink.
 * Runs of blanks become &nbsp; (as appendText does) so that the text keeps its spacing.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[!-/:-@[-`{-~]/g, '\\$&')
    .replace(/[ \t]+/g, (blanks) => '&nbsp;'.repeat(blanks.length))
    .replace(/\r\n?|\n/g, '  \n');
}
