package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgchart/orgchart/server"
	"github.com/orgchart/orgchart/server/store"
)

// TestPush publishes charts to a real server on the embedded store.
func TestPush(t *testing.T) {
	st, err := store.Open(context.Background(), "", filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tokens, err := server.ParseTokens("tokens", []byte("push-token-0123456789 ci\n"))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: st, Tokens: tokens})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()

	dir := t.TempDir()
	good := filepath.Join(dir, "org.yaml")
	os.WriteFile(good, []byte("people:\n  - id: ceo\n    name: Ada\n"), 0o644)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("people:\n  - id: [\n"), 0o644)

	push := func(file string, extra ...string) (int, string, string) {
		var out, errb bytes.Buffer
		args := append([]string{"push", file, "--server", ts.URL, "--name", "acme"}, extra...)
		code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
		return code, out.String(), errb.String()
	}
	t.Setenv("ORGCHART_TOKEN", "push-token-0123456789")
	if code, out, errs := push(good); code != 0 || !strings.Contains(out, "acme created as version 1") || !strings.Contains(out, "pinned: "+ts.URL+"/charts/acme@1.svg") {
		t.Fatalf("push = %d %q %q", code, out, errs)
	}
	if code, out, _ := push(good); code != 0 || !strings.Contains(out, "acme now at version 1") {
		t.Fatalf("identical push = %d %q, want version 1 unchanged", code, out)
	}
	if code, _, errs := push(bad); code != 2 || !strings.Contains(errs, "422") || !strings.Contains(errs, "acme:2:") {
		t.Fatalf("bad push = %d %q, want 2 with positions", code, errs)
	}
	t.Setenv("ORGCHART_TOKEN", "wrong-token-0123456789")
	if code, _, errs := push(good); code != 2 || !strings.Contains(errs, "401") {
		t.Fatalf("push with a wrong token = %d %q, want 2 and 401", code, errs)
	}
	if code, _, errs := push(good, "--name", "../x"); code != 2 || !strings.Contains(errs, "invalid --name") {
		t.Fatalf("push with a bad name = %d %q", code, errs)
	}
}
