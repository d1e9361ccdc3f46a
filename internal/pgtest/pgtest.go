// Package pgtest starts a throwaway PostgreSQL server for tests: initdb into
// a temporary directory and pg_ctl start on a free loopback port, run as an
// unprivileged user (the Debian package's "postgres" user when the tests run
// as root, as CI does), stopped and removed by Stop.
package pgtest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Server is a running throwaway PostgreSQL server.
type Server struct {
	DSN  string // postgres://orgchart@127.0.0.1:PORT/orgchart?sslmode=disable
	dir  string
	bin  string
	user string // the user the server runs as; "" for the current one
}

// binDir finds the newest /usr/lib/postgresql/N/bin with initdb.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(dirs) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
		return "", errors.New("PostgreSQL is not installed: run scripts/setup.sh (apt-get install postgresql)")
	}
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(strings.Split(dirs[i], "/")[4])
		vj, _ := strconv.Atoi(strings.Split(dirs[j], "/")[4])
		return vi < vj
	})
	return filepath.Dir(dirs[len(dirs)-1]), nil
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// command runs bin/name as the server's user.
func (s *Server) command(name string, args ...string) *exec.Cmd {
	path := filepath.Join(s.bin, name)
	if s.user == "" {
		return exec.Command(path, args...)
	}
	return exec.Command("runuser", append([]string{"-u", s.user, "--", path}, args...)...)
}

// Start initialises and starts a server. The caller must Stop it.
func Start() (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "orgchart-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, bin: bin}
	if os.Getuid() == 0 {
		// PostgreSQL refuses to run as root: hand the directory to the
		// package's unprivileged user.
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root and there is no postgres user: run scripts/setup.sh (%v)", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		s.user = "postgres"
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if out, err := s.command("initdb", "-D", data, "-A", "trust", "-U", "orgchart", "--no-sync", "-E", "UTF8").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c max_connections=100", port, dir)
	if out, err := s.command("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	if out, err := s.command("createdb", "-h", "127.0.0.1", "-p", strconv.Itoa(port), "-U", "orgchart", "orgchart").CombinedOutput(); err != nil {
		s.Stop()
		return nil, fmt.Errorf("createdb: %v\n%s", err, out)
	}
	s.DSN = fmt.Sprintf("postgres://orgchart@127.0.0.1:%d/orgchart?sslmode=disable", port)
	return s, nil
}

// Stop stops the server and removes its directory.
func (s *Server) Stop() {
	s.command("pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop").Run()
	os.RemoveAll(s.dir)
}
