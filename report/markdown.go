package report

import "strings"

// markdownCell escapes what would end a GitHub-flavoured Markdown table
// cell, start HTML, or start emphasis, code or a link inside one.
var markdownCell = strings.NewReplacer(
	"|", `\|`, "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;", "&", "&amp;",
	"*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "\\", `\\`,
)

// MarkdownCell escapes chart text (names, titles, messages) for a Markdown
// table cell, so that it can neither break the table nor inject markup.
func MarkdownCell(s string) string { return markdownCell.Replace(s) }
