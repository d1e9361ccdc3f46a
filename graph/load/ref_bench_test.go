package load

import (
	"bytes"
	"encoding/csv"
	"flag"
	"io"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The reference benchmarks measure, on the same synthetic bytes as
// BenchmarkLoadCSV and BenchmarkLoadYAML, the bare parse by the library
// alone (encoding/csv records, go-yaml nodes), so the loaders' cost can be
// quoted as a ratio to a reference measured in the same run:
//
//	go test ./graph/ -run '^$' -bench '(Load|Reference)(CSV|YAML)/(100k|1M)' -benchmem
func BenchmarkReferenceCSV(b *testing.B) {
	benchRef(b, genCSV, []string{"1k", "100k", "1M"}, func(data []byte) int {
		r := csv.NewReader(bytes.NewReader(data))
		r.ReuseRecord = true
		r.FieldsPerRecord = -1
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		return n - 1 // header
	})
}

func BenchmarkReferenceYAML(b *testing.B) {
	benchRef(b, genYAML, []string{"1k", "100k"}, func(data []byte) int {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			b.Fatal(err)
		}
		return len(doc.Content[0].Content[5].Content) // people
	})
}

func benchRef(b *testing.B, gen func(int) []byte, sizes []string, parse func([]byte) int) {
	pattern := ""
	if f := flag.Lookup("test.bench"); f != nil {
		pattern = f.Value.String()
	}
	for _, s := range benchSizes {
		if !contains(sizes, s.name) || (s.n >= 1_000_000 && !strings.Contains(pattern, s.name)) {
			continue
		}
		b.Run(s.name, func(b *testing.B) {
			data := gen(s.n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if got := parse(data); got != s.n {
					b.Fatalf("parsed %d entries, want %d", got, s.n)
				}
			}
		})
	}
}
