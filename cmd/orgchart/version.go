package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newVersionCmd) }

// version is orgchart's release version, set at build time with
// -ldflags "-X main.version=v1.2.3".
var version = "dev"

// versionModules are the dependencies whose versions matter when reporting a
// bug: the Graphviz build and the graph library.
var versionModules = []string{
	"github.com/goccy/go-graphviz",
	"github.com/dominikbraun/graph",
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of orgchart and of the libraries it is built with",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprint(e.stdout, versionText())
			return nil
		},
	}
}

// versionText returns the version report: orgchart's version (and VCS
// revision when the build recorded one), the Go version, and the versions of
// versionModules ("not linked" when the binary does not contain them).
func versionText() string {
	s := fmt.Sprintf("orgchart %s\n", version)
	deps := map[string]string{}
	info, ok := debug.ReadBuildInfo()
	if ok {
		for _, set := range info.Settings {
			if set.Key == "vcs.revision" {
				s += fmt.Sprintf("revision %s\n", set.Value)
			}
		}
		for _, d := range info.Deps {
			v := d.Version
			if d.Replace != nil {
				v += " => " + d.Replace.Path + " " + d.Replace.Version
			}
			deps[d.Path] = v
		}
	}
	s += fmt.Sprintf("go %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	for _, m := range versionModules {
		v, ok := deps[m]
		if !ok {
			v = "not linked"
		}
		s += fmt.Sprintf("%s %s\n", m, v)
	}
	return s
}
