package gvcache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckOwned(t *testing.T) {
	d := t.TempDir()
	os.Chmod(d, 0o700)
	if err := checkOwned(d, 0o077); err != nil {
		t.Errorf("checkOwned(private dir) = %v, want nil", err)
	}
	os.Chmod(d, 0o770)
	if err := checkOwned(d, 0o077); err == nil || !strings.Contains(err.Error(), "open to others") {
		t.Errorf("checkOwned(group-open dir) = %v, want an error", err)
	}
	link := filepath.Join(t.TempDir(), "link")
	os.Symlink(d, link)
	if err := checkOwned(link, 0o077); err == nil {
		t.Errorf("checkOwned(symlink) = nil, want an error")
	}
	if os.Geteuid() == 0 {
		os.Chown(d, 65534, 65534)
		os.Chmod(d, 0o700)
		if err := checkOwned(d, 0o077); err == nil || !strings.Contains(err.Error(), "owned by uid 65534") {
			t.Errorf("checkOwned(dir of nobody) = %v, want an error", err)
		}
	}
}

func TestPruneKeepsOnlyRecordedEntries(t *testing.T) {
	d := t.TempDir()
	sub := filepath.Join(d, "go-graphviz", "wazero-v1-amd64-linux")
	os.MkdirAll(sub, 0o755)
	write := func(name, s string) string {
		p := filepath.Join(sub, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good", "code")
	changed := write("changed", "code")
	sums := map[string]string{}
	walkEntries(d, func(rel, path string) { sums[rel], _ = fileSum(path) })
	if err := writeManifest(d, sums); err != nil {
		t.Fatal(err)
	}
	write("changed", "c0de")
	stranger := write("stranger", "code")
	os.Symlink(good, filepath.Join(sub, "link"))

	kept := prune(d)
	for _, p := range []string{changed, stranger, filepath.Join(sub, "link")} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("prune kept %s", filepath.Base(p))
		}
	}
	if _, err := os.Stat(good); err != nil || len(kept) != 1 {
		t.Errorf("prune: kept %v, stat(good) = %v; want only good kept", kept, err)
	}
}

// TestInitAndSeal cannot import go-graphviz here (another
// module); it checks what init itself did: $TMPDIR points at the private
// directory (or below /dev/null) until Seal, which puts it back.
func TestInitAndSeal(t *testing.T) {
	got := os.Getenv("TMPDIR")
	d, err := Dir()
	if (d == "" || got != d) && got != noCache {
		t.Fatalf("after init TMPDIR = %q, Dir() = %q, %v", got, d, err)
	}
	Seal()
	if v, ok := os.LookupEnv("TMPDIR"); v != oldTMP || ok != hadTMP {
		t.Errorf("after Seal TMPDIR = %q (set %v), want %q (set %v)", v, ok, oldTMP, hadTMP)
	}
}
