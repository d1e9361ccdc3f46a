package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/diff"
)

func exampleSource(t *testing.T, file string) Source {
	t.Helper()
	path := filepath.Join("..", "examples", "diff", file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Source{Name: file, Data: data}
}

func TestDiff(t *testing.T) {
	r, err := Diff(context.Background(), exampleSource(t, "old.yaml"), exampleSource(t, "new.yaml"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Changes) != 6 || r.Count(diff.Moved) != 1 || len(r.Introduced) != 1 || r.Introduced[0].Code != "SEC002" || len(r.Resolved) != 0 {
		t.Errorf("Diff = %d changes, introduced %v, resolved %v; want 6, [SEC002], none", len(r.Changes), r.Introduced, r.Resolved)
	}
	// The same options for both: turning SEC002 off removes it from NEW too.
	r, err = Diff(context.Background(), exampleSource(t, "old.yaml"), exampleSource(t, "new.yaml"), CheckOptions{Profiles: []string{"us-federal"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Introduced) != 0 {
		t.Errorf("Diff under us-federal introduced %v, want none (SEC002 is off)", r.Introduced)
	}
}

func TestDiffBadInput(t *testing.T) {
	bad := func(name string) Source { return Source{Name: name, Data: []byte("people:\n  - id: [\n")} }
	_, err := Diff(context.Background(), bad("old.yaml"), bad("new.yaml"), CheckOptions{})
	var pe *Error
	if !errors.As(err, &pe) || pe.Stage != StageLoad {
		t.Fatalf("Diff(bad, bad) error = %v, want a load *Error", err)
	}
	for _, name := range []string{"old.yaml:", "new.yaml:"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Diff(ctx, exampleSource(t, "old.yaml"), exampleSource(t, "new.yaml"), CheckOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Diff(cancelled) = %v, want context.Canceled", err)
	}
}

func TestStats(t *testing.T) {
	s, err := Stats(context.Background(), exampleSource(t, "new.yaml"), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 13 people (the board and the audit committee are not), none vacant;
	// sam → kit → ciso → mia is the longest chain.
	if s.Total.Headcount != 13 || s.Total.Vacancies != 0 || s.Total.Layers != 4 {
		t.Errorf("Stats = %+v, want headcount 13, vacancies 0, layers 4", s.Total)
	}
	if _, err := Stats(context.Background(), Source{Name: "x.yaml", Data: []byte("people: 3\n")}, CheckOptions{}); err == nil {
		t.Error("Stats(bad chart) = nil error")
	}
}
