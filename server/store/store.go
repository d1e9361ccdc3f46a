// Package store keeps the chart registry: named charts, each a numbered list
// of versions (the chart's source as sent, when, by whom, and a summary of
// its findings). One implementation over database/sql serves two databases:
// an embedded SQLite file (modernc.org/sqlite, pure Go: no cgo, one file to
// back up, synchronous commits in WAL mode) and PostgreSQL (jackc/pgx) that
// several server instances share.
//
// Invariants:
//   - Version numbers of a chart start at 1 and grow by one with no gap and
//     no duplicate, whatever the number of concurrent writers on however
//     many instances: a write holds the chart's row lock (PostgreSQL: SELECT
//     ... FOR UPDATE; SQLite: an immediate transaction) from reading the
//     latest number to committing the next.
//   - A write is acknowledged only after its transaction commits.
//   - A source identical (SHA-256) to the latest version makes no version.
//   - Names match NamePattern, so a name never reaches a path or a query
//     unescaped.
package store

import (
	"context"
	"errors"
	"regexp"
	"time"
)

// NamePattern is the alphabet of chart names: lower-case letters, digits,
// '-', '_' and '.', starting with a letter or digit, at most 64 bytes.
var NamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// ValidName reports whether name matches NamePattern and is not "." or "..".
func ValidName(name string) bool {
	return NamePattern.MatchString(name) && name != "." && name != ".."
}

// Errors the store returns.
var (
	ErrNotFound = errors.New("no such chart or version")
	// ErrPrecondition: the If-Match version is not the latest.
	ErrPrecondition = errors.New("the chart has changed since that version")
)

// Summary counts a version's active findings by severity.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Version is one version of a chart.
type Version struct {
	Name    string    `json:"name"`
	Number  int       `json:"version"`
	Digest  string    `json:"digest"` // hex SHA-256 of Source
	Created time.Time `json:"created"`
	Author  string    `json:"author,omitempty"`
	Summary Summary   `json:"findings"`
	Source  []byte    `json:"-"`
}

// Put is a write: a new version of a chart.
type Put struct {
	Name    string
	Source  []byte
	Author  string
	Summary Summary
	// IfMatch, when not 0, is the version the writer last saw: the write
	// fails with ErrPrecondition unless it is still the latest.
	IfMatch int
	Now     time.Time // the version's time; zero means time.Now()
}

// Store is the registry's storage. Every method is safe for concurrent use.
type Store interface {
	// Put stores p as the next version of its chart and returns it, with
	// created true when it is the chart's first version. A source identical
	// to the latest version's returns that version, unchanged.
	Put(ctx context.Context, p Put) (v Version, created bool, err error)
	// Latest returns the latest version of a chart, with its source.
	Latest(ctx context.Context, name string) (Version, error)
	// Get returns version number of a chart, with its source.
	Get(ctx context.Context, name string, number int) (Version, error)
	// List returns up to limit versions of a chart without their sources,
	// newest first, starting below version before (0: from the latest).
	List(ctx context.Context, name string, before, limit int) ([]Version, error)
	// Delete removes a chart and all its versions.
	Delete(ctx context.Context, name string) error
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	// Kind is "sqlite" or "postgres".
	Kind() string
	Close() error
}
