package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/orgchart/orgchart/server/store"
)

func init() { subcommands = append(subcommands, newPushCmd) }

// newPushCmd returns `orgchart push`: publish a chart to a server's
// registry, for CI on merge.
func newPushCmd(e *env) *cobra.Command {
	var (
		serverURL, name string
		timeout         time.Duration
	)
	cmd := &cobra.Command{
		Use:   "push [flags] FILE",
		Short: "Publish a chart as the next version of a registry chart and print its embed URLs",
		Long: `Push sends FILE (- for standard input) to an orgchart server's chart registry
as the next version of --name (PUT /v1/charts/NAME), with the bearer token in
ORGCHART_TOKEN when set. An identical chart makes no new version. It prints the
version and the embed URLs: one that always draws the latest version, one
pinned to this version. Exit status: 0 stored, 2 for a chart the server
refuses (with its positions) or any other failure.`,
		Example: `  ORGCHART_TOKEN=... orgchart push org.yaml --server https://charts.example.com --name acme`,
		Args:    cobra.ExactArgs(1),
	}
	fs := cmd.Flags()
	fs.StringVar(&serverURL, "server", "", "the orgchart server's base `URL`")
	fs.StringVar(&name, "name", "", "the chart's `NAME` in the registry (a-z 0-9 . _ -)")
	fs.DurationVar(&timeout, "timeout", 30*time.Second, "how long to wait for the server")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		base, err := url.Parse(serverURL)
		if serverURL == "" || err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
			return &usageError{errors.New("--server needs the server's base URL, such as https://charts.example.com")}
		}
		if !store.ValidName(name) {
			return &usageError{fmt.Errorf("invalid --name %q: use 1 to 64 of a-z 0-9 . _ -, starting with a letter or digit", name)}
		}
		var data []byte
		if args[0] == "-" {
			data, err = io.ReadAll(e.stdin)
		} else {
			data, err = os.ReadFile(args[0])
		}
		if err != nil {
			return &usageError{fmt.Errorf("read chart: %w", err)}
		}
		endpoint := strings.TrimSuffix(base.String(), "/")
		req, err := http.NewRequestWithContext(cmd.Context(), http.MethodPut, endpoint+"/v1/charts/"+name, bytes.NewReader(data))
		if err != nil {
			return &usageError{err}
		}
		if tok := os.Getenv("ORGCHART_TOKEN"); tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		resp, err := (&http.Client{Timeout: timeout}).Do(req)
		if err != nil {
			return &usageError{fmt.Errorf("push: %w", err)}
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		if resp.StatusCode/100 != 2 {
			return &usageError{fmt.Errorf("push: the server answered %s: %s", resp.Status, pushProblem(body))}
		}
		var v struct {
			Version  int           `json:"version"`
			Findings store.Summary `json:"findings"`
			Embed    map[string]string
		}
		if err := json.Unmarshal(body, &v); err != nil {
			return &usageError{fmt.Errorf("push: the server's answer is not the registry's JSON: %v", err)}
		}
		state := "stored as"
		if resp.StatusCode == http.StatusOK {
			state = "now at"
		}
		if resp.StatusCode == http.StatusCreated {
			state = "created as"
		}
		fmt.Fprintf(e.stdout, "%s %s version %d (%d errors, %d warnings)\nlatest: %s%s\npinned: %s%s\n",
			name, state, v.Version, v.Findings.Errors, v.Findings.Warnings, endpoint, v.Embed["latest"], endpoint, v.Embed["pinned"])
		return nil
	}
	return cmd
}

// pushProblem makes a registry error body readable: the message and each
// positioned diagnostic on a line.
func pushProblem(body []byte) string {
	var p struct {
		Error       string `json:"error"`
		Diagnostics []struct {
			File         string
			Line, Column int
			Message      string
		} `json:"diagnostics"`
	}
	if json.Unmarshal(body, &p) != nil || p.Error == "" {
		return strings.TrimSpace(truncateText(string(body), 500))
	}
	var b strings.Builder
	b.WriteString(p.Error)
	for _, d := range p.Diagnostics {
		fmt.Fprintf(&b, "\n%s:%d:%d: %s", d.File, d.Line, d.Column, d.Message)
	}
	return b.String()
}

func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
