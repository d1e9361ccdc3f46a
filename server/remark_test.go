package server

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRemarkKrokiClient renders test/remark/doc.md with the stock
// remark-kroki plugin (npm) against a real server on a loopback port: both
// the ```kroki type=orgchart block and the alias form must come back as
// inline SVG of our charts. scripts/setup.sh installs the npm packages
// (npm ci --prefix test/remark); the test fails without them.
func TestRemarkKrokiClient(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed: the remark-kroki client test needs Node.js (see scripts/setup.sh)")
	}
	dir, err := filepath.Abs(filepath.Join("..", "test", "remark"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "remark-kroki")); err != nil {
		t.Fatalf("remark-kroki is not installed in %s: run scripts/setup.sh (npm ci --prefix test/remark)", dir)
	}
	url := startLoopback(t, Config{})

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(dir, "render.mjs"), url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node render.mjs: %v\n%s", err, stderr.String())
	}
	out := stdout.String()
	if stderr.Len() > 0 {
		// remark-kroki prints the error and embeds a "fail" image when a
		// request fails.
		t.Errorf("remark-kroki reported errors:\n%s", stderr.String())
	}
	if n := strings.Count(out, "<svg"); n != 2 {
		t.Errorf("output has %d inline <svg> elements, want 2 (the kroki block and the alias block):\n%.2000s", n, out)
	}
	for _, name := range []string{"Remark Corp", "Kwame Mensah", "Ines Duarte", "Omar Farouk"} {
		if !strings.Contains(out, name) {
			t.Errorf("output lacks %q from the charts", name)
		}
	}
	if strings.Contains(out, "```kroki") || strings.Contains(out, "```orgchart") {
		t.Errorf("a diagram block was left as code:\n%.2000s", out)
	}
}
