// Command orgsynth writes a synthetic organisation chart, for benchmarks and
// scale tests:
//
//	orgsynth -n 100000 -format csv -seed 1 > org.csv
//	orgsynth -n 1000 -format yaml -o org.yaml
//
// The same -n and -seed give the same bytes. See internal/synth for what the
// chart contains.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/orgchart/orgchart/internal/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses args, writes the chart to stdout or -o, and returns the exit
// code: 0 on success, 2 on a usage error or a failed write.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("orgsynth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of entries")
	format := fs.String("format", "csv", "output format: csv, yaml, entra (Microsoft Graph users) or ldif")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("o", "-", "output file (- for standard output)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "orgsynth: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	var write func(io.Writer) error
	switch *format {
	case "csv":
		write = func(w io.Writer) error { return synth.WriteCSV(w, synth.Generate(*n, *seed)) }
	case "yaml", "yml":
		write = func(w io.Writer) error { return synth.WriteYAML(w, synth.Generate(*n, *seed)) }
	case "entra":
		write = func(w io.Writer) error { return synth.WriteEntra(w, synth.Generate(*n, *seed)) }
	case "ldif":
		write = func(w io.Writer) error { return synth.WriteLDIF(w, synth.Generate(*n, *seed)) }
	default:
		fmt.Fprintf(stderr, "orgsynth: unknown format %q: want csv, yaml, entra or ldif\n", *format)
		return 2
	}
	if *n < 0 {
		fmt.Fprintf(stderr, "orgsynth: -n %d: want a number of entries >= 0\n", *n)
		return 2
	}
	var err error
	if *out == "-" {
		bw := bufio.NewWriterSize(stdout, 1<<16)
		if err = write(bw); err == nil {
			err = bw.Flush()
		}
	} else {
		err = writeFile(*out, write)
	}
	if err != nil {
		fmt.Fprintf(stderr, "orgsynth: %v\n", err)
		return 2
	}
	return 0
}

// writeFile writes path atomically: to a temporary file in the same
// directory, renamed into place once complete.
func writeFile(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".orgsynth-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return errors.Join(err, os.Remove(f.Name()))
	}
	return os.Chmod(path, 0o644)
}
