package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/orgchart/orgchart/internal/pgtest"
	"github.com/orgchart/orgchart/server/store"
)

var pg *pgtest.Server

func TestMain(m *testing.M) {
	code := m.Run()
	if pg != nil {
		pg.Stop()
	}
	os.Exit(code)
}

var pgOnce sync.Once
var pgErr error

// postgresDSN starts the package's throwaway PostgreSQL once and returns a
// DSN of a fresh database in it.
func postgresDSN(t *testing.T) string {
	t.Helper()
	pgOnce.Do(func() { pg, pgErr = pgtest.Start() })
	if pgErr != nil {
		t.Fatalf("start PostgreSQL: %v", pgErr)
	}
	return pg.DSN
}

// stores runs test against each kind of store, each opened twice on the
// same database (two server instances).
func stores(t *testing.T, test func(t *testing.T, a, b store.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		a, err := store.Open(context.Background(), "", dir)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		b, err := store.Open(context.Background(), "", dir)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		test(t, a, b)
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := postgresDSN(t)
		a, err := store.Open(context.Background(), dsn, "")
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		b, err := store.Open(context.Background(), dsn, "")
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		// Each test starts from an empty registry.
		for _, name := range []string{"org", "race", "gone"} {
			a.Delete(context.Background(), name)
		}
		test(t, a, b)
	})
}

func TestStoreSequence(t *testing.T) {
	stores(t, func(t *testing.T, a, b store.Store) {
		ctx := context.Background()
		when := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
		v1, created, err := a.Put(ctx, store.Put{Name: "org", Source: []byte("people: []\n"), Author: "ci", Summary: store.Summary{Warnings: 2}, Now: when})
		if err != nil || !created || v1.Number != 1 {
			t.Fatalf("Put 1 = %+v, %v, %v; want version 1 created", v1, created, err)
		}
		// Identical content: no new version.
		same, created, err := b.Put(ctx, store.Put{Name: "org", Source: []byte("people: []\n"), Author: "other"})
		if err != nil || created || same.Number != 1 || same.Author != "ci" {
			t.Fatalf("Put same = %+v, %v, %v; want version 1 unchanged", same, created, err)
		}
		// If-Match against a stale version fails; against the latest works.
		if _, _, err := b.Put(ctx, store.Put{Name: "org", Source: []byte("x"), IfMatch: 2}); !errors.Is(err, store.ErrPrecondition) {
			t.Fatalf("Put If-Match 2 = %v, want ErrPrecondition", err)
		}
		v2, created, err := b.Put(ctx, store.Put{Name: "org", Source: []byte("people: [{id: a}]\n"), Author: "dev", IfMatch: 1, Now: when.Add(time.Hour)})
		if err != nil || created || v2.Number != 2 {
			t.Fatalf("Put 2 = %+v, %v, %v; want version 2", v2, created, err)
		}
		// Read on the other instance.
		latest, err := a.Latest(ctx, "org")
		if err != nil || latest.Number != 2 || string(latest.Source) != "people: [{id: a}]\n" || latest.Author != "dev" || !latest.Created.Equal(when.Add(time.Hour)) {
			t.Fatalf("Latest = %+v, %v", latest, err)
		}
		first, err := a.Get(ctx, "org", 1)
		if err != nil || string(first.Source) != "people: []\n" || first.Summary.Warnings != 2 || first.Digest != store.Digest([]byte("people: []\n")) {
			t.Fatalf("Get 1 = %+v, %v", first, err)
		}
		list, err := a.List(ctx, "org", 0, 10)
		if err != nil || len(list) != 2 || list[0].Number != 2 || list[1].Number != 1 || list[0].Source != nil {
			t.Fatalf("List = %+v, %v; want versions 2, 1 without sources", list, err)
		}
		page, err := a.List(ctx, "org", 2, 10)
		if err != nil || len(page) != 1 || page[0].Number != 1 {
			t.Fatalf("List before 2 = %+v, %v", page, err)
		}
		for _, err := range []error{
			func() error { _, err := a.Latest(ctx, "nope"); return err }(),
			func() error { _, err := a.Get(ctx, "org", 9); return err }(),
			func() error { _, err := a.List(ctx, "nope", 0, 10); return err }(),
			a.Delete(ctx, "nope"),
		} {
			if !errors.Is(err, store.ErrNotFound) {
				t.Errorf("unknown chart or version: %v, want ErrNotFound", err)
			}
		}
		if err := b.Delete(ctx, "org"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Latest(ctx, "org"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Latest after Delete = %v, want ErrNotFound", err)
		}
		if err := a.Ping(ctx); err != nil {
			t.Errorf("Ping = %v", err)
		}
	})
}

// TestStoreConcurrentWriters: 20 writers split across two instances give
// versions 1..20, no gap, no duplicate.
func TestStoreConcurrentWriters(t *testing.T) {
	stores(t, func(t *testing.T, a, b store.Store) {
		ctx := context.Background()
		const n = 20
		var wg sync.WaitGroup
		got := make([]int, n)
		errs := make([]error, n)
		for i := range n {
			s := a
			if i%2 == 1 {
				s = b
			}
			wg.Go(func() {
				v, _, err := s.Put(ctx, store.Put{Name: "race", Source: fmt.Appendf(nil, "people: [{id: p%d}]\n", i)})
				got[i], errs[i] = v.Number, err
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		slices.Sort(got)
		for i, v := range got {
			if v != i+1 {
				t.Fatalf("versions = %v, want 1..%d", got, n)
			}
		}
		list, err := b.List(ctx, "race", 0, 100)
		if err != nil || len(list) != n {
			t.Fatalf("List = %d versions, %v", len(list), err)
		}
	})
}

func TestValidName(t *testing.T) {
	for _, ok := range []string{"org", "acme-2026", "a.b_c", "0"} {
		if !store.ValidName(ok) {
			t.Errorf("ValidName(%q) = false", ok)
		}
	}
	for _, bad := range []string{"", ".", "..", "../x", "a/b", "Org", "-x", "a b", "é", string(make([]byte, 65))} {
		if store.ValidName(bad) {
			t.Errorf("ValidName(%q) = true", bad)
		}
	}
}

func TestOpenRefusesSharedDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(context.Background(), "", dir); err == nil {
		t.Error("Open on a world-writable directory succeeded")
	}
	if _, err := store.Open(context.Background(), "mysql://x", dir); err == nil {
		t.Error("Open of an unknown DSN succeeded")
	}
}
