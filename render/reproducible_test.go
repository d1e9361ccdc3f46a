package render

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/orgchart/orgchart/render/option"
)

// TestReproducible renders the seed chart in every format, waits for the
// next second, renders again and wants the same bytes: no format may embed
// the time.
func TestReproducible(t *testing.T) {
	seed, findings := seedOrg()
	ctx := context.Background()
	first := map[string][]byte{}
	for _, f := range option.Formats {
		data, err := renderOrg(ctx, seed, findings, option.Options{Format: f})
		if err != nil {
			t.Fatalf("renderOrg(%s): %v", f, err)
		}
		first[f] = data
	}
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second + 10*time.Millisecond)))
	for _, f := range option.Formats {
		data, err := renderOrg(ctx, seed, findings, option.Options{Format: f})
		if err != nil {
			t.Fatalf("renderOrg(%s): %v", f, err)
		}
		if !bytes.Equal(first[f], data) {
			t.Errorf("%s: two renders a second apart differ", f)
		}
	}
	if bytes.Contains(first["pdf"], []byte("/CreationDate")) {
		t.Error("pdf has a /CreationDate though Options.Created is zero")
	}
}

func TestPDFCreated(t *testing.T) {
	seed, findings := seedOrg()
	data, err := renderOrg(context.Background(), seed, findings, option.Options{Format: "pdf", Created: time.Unix(1700000000, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if want := []byte("/CreationDate(D:20231114221320Z)"); !bytes.Contains(data, want) {
		t.Errorf("pdf lacks %s", want)
	}
}
