package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"
)

// Open opens the store a DSN names and brings its schema up to date: ""
// is the embedded SQLite store in dataDir (created 0700 when missing);
// postgres:// or postgresql:// is PostgreSQL.
func Open(ctx context.Context, dsn, dataDir string) (Store, error) {
	switch {
	case dsn == "":
		return OpenSQLite(ctx, dataDir)
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return OpenPostgres(ctx, dsn)
	}
	return nil, fmt.Errorf("unknown store %q: want postgres://... (or none, for the embedded store)", redact(dsn))
}

// redact hides a DSN's password.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxx")
	}
	return u.String()
}

// privateDir creates dir (0700) when missing and refuses one that another
// user owns or that others may write to: nothing trusts a shared path.
func privateDir(dir string) error {
	if dir == "" {
		return errors.New("no data directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("data directory %s is writable by others (mode %v): chmod 700 it", dir, fi.Mode().Perm())
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("data directory %s belongs to another user (uid %d)", dir, st.Uid)
	}
	return nil
}

// OpenSQLite opens (creating) the embedded store registry.db in dir: WAL
// journal with synchronous commits (a write acknowledged survives kill -9
// and power loss), immediate transactions (writers queue on the database
// lock rather than fail), a busy timeout.
func OpenSQLite(ctx context.Context, dir string) (Store, error) {
	if err := privateDir(dir); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	path := filepath.Join(dir, "registry.db")
	dsn := "file:" + path + "?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &sqlStore{db: db, d: sqliteDialect}
	tx, err := db.BeginTx(ctx, nil) // immediate: migrations run one at a time
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	defer tx.Rollback()
	if err := s.migrate(ctx, tx); err != nil {
		db.Close()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// migrationLock is the PostgreSQL advisory lock key that serialises
// migrations of instances starting at once ("orgchart" as a number).
const migrationLock = 0x6f7267636861

// OpenPostgres opens a PostgreSQL store and migrates it under an advisory
// lock, so instances starting at once migrate one after the other.
func OpenPostgres(ctx context.Context, dsn string) (Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	s := &sqlStore{db: db, d: postgresDialect}
	if err := s.migratePostgres(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	return s, nil
}

func (s *sqlStore) migratePostgres(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// A transaction-level advisory lock: released at commit or rollback.
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return err
	}
	if err := s.migrate(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}
