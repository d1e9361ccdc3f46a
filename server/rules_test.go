package server

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/orgchart/orgchart/graph/check"
)

// TestRulesCatalog checks that GET /v1/rules serves the catalog in its one
// JSON form (check.Catalog, as `orgchart rules --format json` prints it),
// beside the service's own fields.
func TestRulesCatalog(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	w := do(s, "GET", "/v1/rules", "")
	if w.Code != 200 {
		t.Fatalf("GET /v1/rules = %d: %.300s", w.Code, w.Body.String())
	}
	var got map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(check.NewCatalog())
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"rules", "profiles"} {
		if diff := cmp.Diff(want[k], got[k]); diff != "" {
			t.Errorf("%s (-catalog +served):\n%s", k, diff)
		}
	}
	for _, k := range []string{"version", "diagram_options", "formats"} {
		if _, ok := got[k]; !ok {
			t.Errorf("GET /v1/rules lacks %q", k)
		}
	}
}
