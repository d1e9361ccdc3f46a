package load

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/orgchart/orgchart/graph"
	"github.com/orgchart/orgchart/graph/diag"
)

// Limits on a workbook, so that a small hostile file (a zip bomb, a sheet
// of empty cells) cannot take unbounded memory or time.
const (
	// maxXLSXUnzipped caps the total uncompressed size of the archive.
	maxXLSXUnzipped = 512 << 20
	// maxXLSXCells caps the cells read from the sheet (a million people
	// with 16 columns).
	maxXLSXCells = 16 << 20
)

// loadXLSX reads the first worksheet of an Excel workbook (or the sheet
// opts.Sheet names) exactly as loadCSV reads a CSV export: the first row
// is the header, with the same column aliases, and each later row an
// entry. Numeric cells are read as written, without the number format, so
// an employee number 1001 is the id "1001" (a float written 1001.0 too).
//
// Positions: the file name, line = the row number, column = the column
// number (A = 1, B = 2, ...): cell Sheet!B12 is org.xlsx:12:2. Load errors
// name the sheet and the cell.
//
// The workbook is read with github.com/xuri/excelize/v2, the field's
// standard, with its unzip limits set; the zip directory is checked first.
func loadXLSX(name string, data []byte, inf *inferer, opts Options) (*graph.Org, error) {
	at := diag.Pos{File: name, Line: 1, Column: 1}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errAt(at, "not an Excel workbook (.xlsx): "+err.Error()+": save the sheet as an Excel Workbook (.xlsx) or as CSV")
	}
	var total uint64
	book := false
	for _, f := range zr.File {
		total += f.UncompressedSize64
		book = book || f.Name == "xl/workbook.xml"
	}
	if !book {
		return nil, errAt(at, "a zip archive but not an Excel workbook (no xl/workbook.xml): save the sheet as an Excel Workbook (.xlsx) or as CSV")
	}
	if total > maxXLSXUnzipped {
		return nil, errAt(at, fmt.Sprintf("the workbook unpacks to %d MB, more than the %d MB allowed: save the sheet as CSV", total>>20, maxXLSXUnzipped>>20))
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxXLSXUnzipped,
		UnzipXMLSizeLimit: maxXLSXUnzipped, // keep sheets in memory: no temporary files
	})
	if err != nil {
		return nil, errAt(at, "cannot read the Excel workbook: "+err.Error())
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errAt(at, "the workbook has no worksheet")
	}
	sheet := sheets[0]
	if opts.Sheet != "" {
		sheet = ""
		for _, s := range sheets {
			if strings.EqualFold(s, opts.Sheet) {
				sheet = s
			}
		}
		if sheet == "" {
			return nil, errAt(at, "the workbook has no sheet "+diag.Excerpt(opts.Sheet)+": its sheets are "+diag.QuoteList(sheets, 20))
		}
	}
	csvData, err := xlsxToCSV(f, sheet, name)
	if err != nil {
		return nil, err
	}
	org, err := loadCSV(name, csvData, inf)
	if err != nil {
		return nil, inSheet(err, sheet)
	}
	org.Format = "xlsx"
	return org, nil
}

// xlsxToCSV writes the sheet as CSV with one line per row, row n on line
// n (empty rows as empty lines), every cell quoted and line breaks inside
// cells turned into spaces: the CSV loader's line and field numbers are
// then the sheet's row and column numbers.
func xlsxToCSV(f *excelize.File, sheet, name string) ([]byte, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, errAt(diag.Pos{File: name, Line: 1, Column: 1}, "cannot read sheet "+diag.Quote(sheet)+": "+err.Error())
	}
	defer rows.Close()
	var (
		out   bytes.Buffer
		cells int
		row   int
		width int // the number of columns of the header
	)
	for rows.Next() {
		row++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, errAt(diag.Pos{File: name, Line: row, Column: 1}, "cannot read row "+strconv.Itoa(row)+" of sheet "+diag.Quote(sheet)+": "+err.Error())
		}
		if cells += len(cols); cells > maxXLSXCells {
			return nil, errAt(diag.Pos{File: name, Line: row, Column: 1}, fmt.Sprintf("sheet %q has more than %d cells: save it as CSV", sheet, maxXLSXCells))
		}
		empty := true
		for _, c := range cols {
			empty = empty && strings.TrimSpace(c) == ""
		}
		if !empty && width == 0 {
			width = len(cols) // the header
		}
		// Rows end at their last cell with a value: give each one cell per
		// column of the header (cells past it are kept when they hold a
		// value, for the CSV loader to report).
		for len(cols) > width && strings.TrimSpace(cols[len(cols)-1]) == "" {
			cols = cols[:len(cols)-1]
		}
		for len(cols) < width && !empty {
			cols = append(cols, "")
		}
		if !empty {
			for i, c := range cols {
				if i > 0 {
					out.WriteByte(',')
				}
				out.WriteByte('"')
				c = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", `"`, `""`).Replace(xlsxNumber(c))
				out.WriteString(c)
				out.WriteByte('"')
			}
		}
		out.WriteByte('\n')
	}
	if err := rows.Error(); err != nil {
		return nil, errAt(diag.Pos{File: name, Line: max(row, 1), Column: 1}, "cannot read sheet "+diag.Quote(sheet)+": "+err.Error())
	}
	return out.Bytes(), nil
}

// xlsxNumber writes a raw numeric cell that holds a whole number written
// with a fraction or exponent ("1001.0", "1.001E3") as the integer.
func xlsxNumber(s string) string {
	if !strings.ContainsAny(s, ".eE") || len(s) > 24 {
		return s
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != float64(int64(v)) || v > 1e15 || v < -1e15 {
		return s
	}
	return strconv.FormatInt(int64(v), 10)
}

// inSheet adds the sheet and the cell (B12) to each positioned error.
func inSheet(err error, sheet string) error {
	one := func(e *diag.Error) {
		if e.Pos.Line > 0 && e.Pos.Column > 0 {
			if cell, cerr := excelize.CoordinatesToCellName(e.Pos.Column, e.Pos.Line); cerr == nil {
				e.Msg = sheet + "!" + cell + ": " + e.Msg
			}
		}
	}
	switch e := err.(type) {
	case diag.ErrorList:
		for _, x := range e {
			one(x)
		}
	case *diag.Error:
		one(e)
	}
	return err
}
