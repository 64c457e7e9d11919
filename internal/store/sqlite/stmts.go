package sqlite

import (
	"context"
	"database/sql/driver"
	"fmt"
	"slices"
	"sync"
)

// connStmts keeps, per driver connection, the statements that
// transactions' Execs prepared on it, so that the next transaction on
// the connection runs them without parsing them again: storing a batch
// of articles runs some sixty multi-row INSERT shapes, and preparing and
// finalising them in every transaction, plus database/sql's bookkeeping
// around each call, was a sixth of the time spent storing.
//
// The statements run through sql.Conn.Raw, under database/sql's lock of
// the connection, inside the transaction database/sql began on it; the
// arguments are converted as database/sql converts them for a driver
// without a NamedValueChecker (the driver's own conversion is the same
// code path either way: driver.DefaultParameterConverter).
type connStmts struct {
	mu sync.Mutex
	m  map[driver.Conn]map[string]driver.Stmt
}

// maxConnStmts bounds the statements kept per connection: the shapes of
// sqlbase's writes (a few dozen prefixes times seven chunk sizes) fit
// with room to spare. Past it a statement is prepared and closed per
// call.
const maxConnStmts = 512

// of returns dc's statements; the caller holds dc's lock (inside Raw).
func (c *connStmts) of(dc driver.Conn) map[string]driver.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[driver.Conn]map[string]driver.Stmt{}
	}
	m := c.m[dc]
	if m == nil {
		m = map[string]driver.Stmt{}
		c.m[dc] = m
	}
	return m
}

// drop closes and forgets dc's statements; the caller holds dc's lock.
// A connection database/sql is about to discard (interrupted, broken)
// must not keep statements: SQLite would keep it open, with its page
// cache, until they are finalised.
func (c *connStmts) drop(dc driver.Conn) {
	c.mu.Lock()
	m := c.m[dc]
	delete(c.m, dc)
	c.mu.Unlock()
	for _, st := range m {
		_ = st.Close()
	}
}

// closeAll closes every kept statement, before the pool closes the
// connections: nothing may run on the store any more.
func (c *connStmts) closeAll() {
	c.mu.Lock()
	m := c.m
	c.m = nil
	c.mu.Unlock()
	for dc, stmts := range m {
		if v, ok := dc.(driver.Validator); ok && !v.IsValid() {
			continue // closed already; its statements went with it
		}
		for _, st := range stmts {
			_ = st.Close()
		}
	}
}

// exec runs q with args on dc (inside Raw), through the statement kept
// for q.
// nv is a buffer for the converted arguments (the driver keeps none
// after the call); exec returns it, cleared, for the next call.
func (c *connStmts) exec(ctx context.Context, dc driver.Conn, q string, args []any, nv []driver.NamedValue) ([]driver.NamedValue, error) {
	nv, err := namedValues(nv, args)
	defer clear(nv)
	if err != nil {
		return nv, err
	}
	m := c.of(dc)
	st := m[q]
	if st == nil {
		if st, err = prepare(ctx, dc, q); err != nil {
			return nv, err
		}
		if len(m) < maxConnStmts {
			m[q] = st
		} else {
			defer st.Close()
		}
	}
	if sc, ok := st.(driver.StmtExecContext); ok {
		_, err = sc.ExecContext(ctx, nv)
	} else {
		return nv, fmt.Errorf("sqlite: driver statement %T has no ExecContext", st)
	}
	if err != nil {
		if v, ok := dc.(driver.Validator); ok && !v.IsValid() {
			c.drop(dc)
		}
	}
	return nv, err
}

func prepare(ctx context.Context, dc driver.Conn, q string) (driver.Stmt, error) {
	if pc, ok := dc.(driver.ConnPrepareContext); ok {
		return pc.PrepareContext(ctx, q)
	}
	return dc.Prepare(q)
}

// namedValues converts args into nv's backing array as database/sql
// converts them for a driver without a NamedValueChecker
// (defaultCheckNamedValue: driver.DefaultParameterConverter, which
// passes driver values through, dereferences pointers and widens
// integer and float kinds), the common types without a new interface
// value.
func namedValues(nv []driver.NamedValue, args []any) ([]driver.NamedValue, error) {
	nv = slices.Grow(nv[:0], len(args))[:len(args)]
	for i, a := range args {
		v := driver.Value(a)
		switch x := a.(type) {
		case nil, string, int64, float64:
		case int:
			v = int64(x)
		default:
			var err error
			if v, err = driver.DefaultParameterConverter.ConvertValue(a); err != nil {
				return nil, fmt.Errorf("sql: converting argument $%d type: %w", i+1, err)
			}
		}
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return nv, nil
}
