package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dialect is what differs between the two databases.
type dialect struct {
	kind      string
	blob      string // the column type of a chart's source
	forUpdate string // the row lock clause of the write's read
	dollar    bool   // placeholders are $1, $2, ... rather than ?
}

var (
	sqliteDialect   = dialect{kind: "sqlite", blob: "BLOB"}
	postgresDialect = dialect{kind: "postgres", blob: "BYTEA", forUpdate: " FOR UPDATE", dollar: true}
)

// q rewrites the ? placeholders of query for d.
func (d dialect) q(query string) string {
	if !d.dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// migrations are the schema's steps, applied in order once each; the
// applied count is kept in schema_version.
func (d dialect) migrations() []string {
	return []string{
		`CREATE TABLE charts (
			name   TEXT PRIMARY KEY,
			latest INTEGER NOT NULL,
			digest TEXT NOT NULL
		)`,
		`CREATE TABLE versions (
			name     TEXT NOT NULL,
			version  INTEGER NOT NULL,
			source   ` + d.blob + ` NOT NULL,
			digest   TEXT NOT NULL,
			created  BIGINT NOT NULL,
			author   TEXT NOT NULL,
			errors   INTEGER NOT NULL,
			warnings INTEGER NOT NULL,
			infos    INTEGER NOT NULL,
			PRIMARY KEY (name, version)
		)`,
	}
}

// sqlStore is the Store over database/sql.
type sqlStore struct {
	db *sql.DB
	d  dialect
}

func (s *sqlStore) Kind() string                   { return s.d.kind }
func (s *sqlStore) Close() error                   { return s.db.Close() }
func (s *sqlStore) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// migrate brings the schema up to date inside tx, which the caller holds
// exclusively (an advisory lock or an immediate transaction).
func (s *sqlStore) migrate(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	applied := 0
	err := tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&applied)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	case err != nil:
		return fmt.Errorf("migrate: %w", err)
	}
	steps := s.d.migrations()
	if applied > len(steps) {
		return fmt.Errorf("migrate: the database has schema version %d, newer than this orgchart's %d: upgrade orgchart", applied, len(steps))
	}
	for i := applied; i < len(steps); i++ {
		if _, err := tx.ExecContext(ctx, steps[i]); err != nil {
			return fmt.Errorf("migrate to version %d: %w", i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.q(`UPDATE schema_version SET version = ?`), len(steps)); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Digest returns the hex SHA-256 of a source, as Version.Digest.
func Digest(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])
}

func (s *sqlStore) Put(ctx context.Context, p Put) (Version, bool, error) {
	if !ValidName(p.Name) {
		return Version{}, false, fmt.Errorf("invalid chart name %q", p.Name)
	}
	now := p.Now
	if now.IsZero() {
		now = time.Now()
	}
	v := Version{Name: p.Name, Digest: Digest(p.Source), Created: now.UTC().Truncate(time.Millisecond), Author: p.Author, Summary: p.Summary, Source: p.Source}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Version{}, false, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, s.d.q(`INSERT INTO charts (name, latest, digest) VALUES (?, 0, '') ON CONFLICT (name) DO NOTHING`), p.Name); err != nil {
		return Version{}, false, err
	}
	var latest int
	var digest string
	if err := tx.QueryRowContext(ctx, s.d.q(`SELECT latest, digest FROM charts WHERE name = ?`+s.d.forUpdate), p.Name).Scan(&latest, &digest); err != nil {
		return Version{}, false, err
	}
	if p.IfMatch != 0 && p.IfMatch != latest {
		return Version{}, false, ErrPrecondition
	}
	if latest > 0 && digest == v.Digest {
		cur, err := s.get(ctx, tx, p.Name, latest, false)
		return cur, false, err
	}
	v.Number = latest + 1
	if _, err := tx.ExecContext(ctx, s.d.q(`INSERT INTO versions (name, version, source, digest, created, author, errors, warnings, infos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		v.Name, v.Number, v.Source, v.Digest, v.Created.UnixMilli(), v.Author, v.Summary.Errors, v.Summary.Warnings, v.Summary.Infos); err != nil {
		return Version{}, false, err
	}
	if _, err := tx.ExecContext(ctx, s.d.q(`UPDATE charts SET latest = ?, digest = ? WHERE name = ?`), v.Number, v.Digest, v.Name); err != nil {
		return Version{}, false, err
	}
	if err := tx.Commit(); err != nil {
		return Version{}, false, err
	}
	return v, v.Number == 1, nil
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const versionColumns = `name, version, digest, created, author, errors, warnings, infos`

// get reads one version, with its source when withSource.
func (s *sqlStore) get(ctx context.Context, q querier, name string, number int, withSource bool) (Version, error) {
	var v Version
	var created int64
	cols := versionColumns
	dest := []any{&v.Name, &v.Number, &v.Digest, &created, &v.Author, &v.Summary.Errors, &v.Summary.Warnings, &v.Summary.Infos}
	if withSource {
		cols += ", source"
		dest = append(dest, &v.Source)
	}
	err := q.QueryRowContext(ctx, s.d.q(`SELECT `+cols+` FROM versions WHERE name = ? AND version = ?`), name, number).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return Version{}, ErrNotFound
	}
	if err != nil {
		return Version{}, err
	}
	v.Created = time.UnixMilli(created).UTC()
	return v, nil
}

func (s *sqlStore) latest(ctx context.Context, name string) (int, error) {
	var latest int
	err := s.db.QueryRowContext(ctx, s.d.q(`SELECT latest FROM charts WHERE name = ?`), name).Scan(&latest)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && latest == 0) {
		return 0, ErrNotFound
	}
	return latest, err
}

func (s *sqlStore) Latest(ctx context.Context, name string) (Version, error) {
	n, err := s.latest(ctx, name)
	if err != nil {
		return Version{}, err
	}
	return s.get(ctx, s.db, name, n, true)
}

func (s *sqlStore) Get(ctx context.Context, name string, number int) (Version, error) {
	return s.get(ctx, s.db, name, number, true)
}

func (s *sqlStore) List(ctx context.Context, name string, before, limit int) ([]Version, error) {
	latest, err := s.latest(ctx, name)
	if err != nil {
		return nil, err
	}
	if before <= 0 || before > latest+1 {
		before = latest + 1
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT `+versionColumns+` FROM versions WHERE name = ? AND version < ? ORDER BY version DESC LIMIT ?`), name, before, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		var created int64
		if err := rows.Scan(&v.Name, &v.Number, &v.Digest, &created, &v.Author, &v.Summary.Errors, &v.Summary.Warnings, &v.Summary.Infos); err != nil {
			return nil, err
		}
		v.Created = time.UnixMilli(created).UTC()
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *sqlStore) Delete(ctx context.Context, name string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, s.d.q(`DELETE FROM charts WHERE name = ?`), name)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	if _, err := tx.ExecContext(ctx, s.d.q(`DELETE FROM versions WHERE name = ?`), name); err != nil {
		return err
	}
	return tx.Commit()
}
