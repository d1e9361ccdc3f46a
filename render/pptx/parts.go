package pptx

// The fixed parts of every deck: one theme, one slide master with one
// "Title Only" layout, and one notes master. They are written by hand
// because no Go library writes them (see doc.go); each holds only what
// PowerPoint requires, so every shape on a slide carries its own geometry,
// fill, line and font and does not depend on inheritance.

// Namespaces.
const (
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsP   = "http://schemas.openxmlformats.org/presentationml/2006/main"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	relT  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctPML = "application/vnd.openxmlformats-officedocument.presentationml."
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// font is the typeface every run names. Arial, not Liberation Sans: the
// scene is measured with Liberation Sans, which is metric-compatible with
// Arial, and Arial is present in PowerPoint (Windows, macOS) and Google
// Slides, while LibreOffice on Linux substitutes Liberation Sans for Arial
// through fontconfig's metric aliases. So text keeps the width the layout
// measured everywhere; naming Liberation Sans would fall back to a font of
// other widths on machines without it.
const font = "Arial"

// theme is the deck's theme (theme1 for the slide master, theme2 for the
// notes master): Office colours, Arial for headings and body, and the
// minimal three-entry style lists the schema requires.
const theme = xmlHeader + `<a:theme xmlns:a="` + nsA + `" name="orgchart"><a:themeElements>` +
	`<a:clrScheme name="orgchart">` +
	`<a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>` +
	`<a:dk2><a:srgbClr val="1F2937"/></a:dk2><a:lt2><a:srgbClr val="F3F4F6"/></a:lt2>` +
	`<a:accent1><a:srgbClr val="2563EB"/></a:accent1><a:accent2><a:srgbClr val="DC2626"/></a:accent2>` +
	`<a:accent3><a:srgbClr val="16A34A"/></a:accent3><a:accent4><a:srgbClr val="CA8A04"/></a:accent4>` +
	`<a:accent5><a:srgbClr val="9333EA"/></a:accent5><a:accent6><a:srgbClr val="0891B2"/></a:accent6>` +
	`<a:hlink><a:srgbClr val="1D4ED8"/></a:hlink><a:folHlink><a:srgbClr val="6D28D9"/></a:folHlink>` +
	`</a:clrScheme>` +
	`<a:fontScheme name="orgchart">` +
	`<a:majorFont><a:latin typeface="` + font + `"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
	`<a:minorFont><a:latin typeface="` + font + `"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>` +
	`</a:fontScheme>` +
	`<a:fmtScheme name="orgchart"><a:fillStyleLst>` +
	`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
	`</a:fillStyleLst><a:lnStyleLst>` +
	`<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
	`</a:lnStyleLst><a:effectStyleLst>` +
	`<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>` +
	`</a:effectStyleLst><a:bgFillStyleLst>` +
	`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
	`</a:bgFillStyleLst></a:fmtScheme>` +
	`</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`

// clrMap maps the background and text colours to the theme's.
const clrMap = `bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"`

// emptyGroup opens a shape tree: its group properties.
const emptyGroup = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

// textStyle is the level-one style of a master's text lists.
func textStyle(tag string, size int, bold bool) string {
	b := ""
	if bold {
		b = ` b="1"`
	}
	return `<` + tag + `><a:lvl1pPr><a:defRPr sz="` + itoa(size) + `"` + b + `><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>` +
		`<a:latin typeface="` + font + `"/><a:cs typeface="` + font + `"/></a:defRPr></a:lvl1pPr></` + tag + `>`
}

// slideMaster is the slide master: a title placeholder in the title band
// (placed per slide size), white background.
func slideMaster(s Size) string {
	return xmlHeader + `<p:sldMaster xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `">` +
		`<p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>` + emptyGroup +
		titlePlaceholder(2, s, "") +
		`</p:spTree></p:cSld><p:clrMap ` + clrMap + `/>` +
		`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>` +
		`<p:txStyles>` + textStyle("p:titleStyle", 2400, true) + textStyle("p:bodyStyle", 1800, false) + textStyle("p:otherStyle", 1800, false) + `</p:txStyles>` +
		`</p:sldMaster>`
}

// slideLayout is the one layout, "Title Only".
func slideLayout(s Size) string {
	return xmlHeader + `<p:sldLayout xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `" type="titleOnly" preserve="1">` +
		`<p:cSld name="Title Only"><p:spTree>` + emptyGroup + titlePlaceholder(2, s, "") + `</p:spTree></p:cSld>` +
		`<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
}

// notesMaster is the notes master: the slide image above the notes body.
func notesMaster() string {
	return xmlHeader + `<p:notesMaster xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `">` +
		`<p:cSld><p:spTree>` + emptyGroup + notesPlaceholders() + `</p:spTree></p:cSld>` +
		`<p:clrMap ` + clrMap + `/>` +
		`<p:notesStyle>` + `<a:lvl1pPr><a:defRPr sz="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="` + font + `"/></a:defRPr></a:lvl1pPr>` + `</p:notesStyle>` +
		`</p:notesMaster>`
}

// Notes pages are 7.5 x 10 inches, portrait.
const notesW, notesH = 6858000, 9144000

// notesPlaceholders are the slide image and the notes body of a notes page.
func notesPlaceholders() string {
	return `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr><a:xfrm><a:off x="381000" y="685800"/><a:ext cx="6096000" cy="3429000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:sp>` +
		`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr><a:xfrm><a:off x="685800" y="4343400"/><a:ext cx="5486400" cy="4114800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
		`<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`
}
