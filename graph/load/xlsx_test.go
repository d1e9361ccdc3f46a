package load

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/orgchart/orgchart/graph/diag"
)

// workbook builds an .xlsx with the given sheets, each a list of rows of
// cells (a cell is set as written: an int, a float or a string). Sheets
// are created in order; the first one is the workbook's first sheet.
func workbook(t testing.TB, sheets []string, rows map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[s] {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// staffSheet is a twelve-person export with numeric employee numbers (one
// written as a float), an empty row, and a cell past the last column
// left empty.
var staffSheet = [][]any{
	{"Employee ID", "Full Name", "Job Title", "Department", "Manager ID", "Hire Date"},
	{1001, "Avery Chen", "Chief Executive Officer", "Executive", nil, 44197},
	{1002, "Blake Ortiz", "Chief Information Officer", "IT", 1001},
	{1003.0, "Dana Reyes", "Chief Information Security Officer", "Security", 1002},
	{1004, "Erin Walsh", "Chief Financial Officer", "Finance", 1001},
	{},
	{1005, "Frank Osei", "General Counsel", "Legal", 1001},
	{1006, "Gwen Patel", "VP Engineering", "Engineering", 1002},
	{1007, "Hugo Lind", "Security Engineer", "Security", 1003},
	{1008, "Iris Novak", "Security Analyst", "Security", 1003},
	{1009, "Jon Park", "Platform Engineer", "Engineering", 1006},
	{1010, "Kim Ruiz", "Senior Accountant", "Finance", 1004},
	{1011, "Lee Moss", "Paralegal", "Legal", 1005},
	{1012, "Mia\nStone", "IT Support Specialist", "IT", "1002"},
}

func TestLoadXLSX(t *testing.T) {
	data := workbook(t, []string{"Staff", "Notes"}, map[string][][]any{
		"Staff": staffSheet,
		"Notes": {{"id", "name"}, {"x", "Only on the second sheet"}},
	})
	org, err := Chart("org.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if org.Format != "xlsx" {
		t.Errorf("Format = %q, want xlsx", org.Format)
	}
	want := contoso(func(n string) string {
		return map[string]string{"avery": "1001", "blake": "1002", "dana": "1003", "erin": "1004", "frank": "1005", "gwen": "1006",
			"hugo": "1007", "iris": "1008", "jon": "1009", "kim": "1010", "lee": "1011", "mia": "1012"}[n]
	}, nil)
	if diff := cmp.Diff(want, structure(org)); diff != "" {
		t.Errorf("structure (-want +got):\n%s", diff)
	}
	// Positions are rows and columns: Staff!E4 (Dana's manager) is 4:5,
	// Frank after the empty row 6 is row 7.
	p := func(l, c int) diag.Pos { return diag.Pos{File: "org.xlsx", Line: l, Column: c} }
	got := []diag.Pos{org.People[2].ReportsTo[0].Pos, org.People[2].At("title"), org.People[4].Pos}
	if diff := cmp.Diff([]diag.Pos{p(4, 5), p(4, 3), p(7, 1)}, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
	// The unknown "Hire Date" column is ORG011 at F1, as in a CSV.
	if len(org.Diagnostics) != 1 || org.Diagnostics[0].Code != "ORG011" || org.Diagnostics[0].Pos != p(1, 6) {
		t.Errorf("diagnostics = %v, want one ORG011 at 1:6", org.Diagnostics)
	}

	org, err = Chart("org.xlsx", data, Options{Sheet: "notes"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"x (Only on the second sheet; ; )"}, structure(org)); diff != "" {
		t.Errorf("--sheet notes (-want +got):\n%s", diff)
	}
}

func TestXLSXNumber(t *testing.T) {
	for in, want := range map[string]string{"1001": "1001", "1001.0": "1001", "1.001E3": "1001", "007": "007", "1.5": "1.5", "abc.e": "abc.e", "1e400": "1e400"} {
		if got := xlsxNumber(in); got != want {
			t.Errorf("xlsxNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadXLSXErrors(t *testing.T) {
	book := workbook(t, []string{"Staff"}, map[string][][]any{"Staff": {{"id", "name", "vacant"}, {"a", "A", "maybe"}, {"b", "B", nil, "extra"}}})
	var notBook bytes.Buffer
	zw := zip.NewWriter(&notBook)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("hello"))
	zw.Close()
	var bomb bytes.Buffer
	zw = zip.NewWriter(&bomb)
	zw.Create("xl/workbook.xml")
	// A sheet whose header says it unpacks to a terabyte (a zip bomb is
	// caught from the directory, before anything is inflated).
	w, _ = zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CompressedSize64: 2, UncompressedSize64: 1 << 40})
	w.Write([]byte{3, 0})
	zw.Close()
	for _, tc := range []struct {
		name string
		data []byte
		opts Options
		want string
	}{
		{"not a zip", []byte("PK\x03\x04garbage"), Options{}, "b.xlsx:1:1: not an Excel workbook (.xlsx)"},
		{"other zip", notBook.Bytes(), Options{}, "b.xlsx:1:1: a zip archive but not an Excel workbook (no xl/workbook.xml)"},
		{"bomb", bomb.Bytes(), Options{}, "b.xlsx:1:1: the workbook unpacks to 1048576 MB, more than the 512 MB allowed"},
		{"truncated", book[:len(book)/2], Options{}, "b.xlsx:1:1: not an Excel workbook (.xlsx)"},
		{"no such sheet", book, Options{Sheet: "People"}, `b.xlsx:1:1: the workbook has no sheet "People": its sheets are "Staff"`},
		{"bad cell", book, Options{}, `b.xlsx:2:3: Staff!C2: "vacant" must be true or false`},
		{"cell past the header", book, Options{}, `b.xlsx:3:1: Staff!A3: row has 4 fields but the header has 3`},
	} {
		_, err := Chart("b.xlsx", tc.data, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want %q", tc.name, err, tc.want)
		}
	}
}
