package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"reflect"
	"testing"
)

// recorder is a driver that keeps the arguments database/sql hands it,
// the conversion namedValues must repeat.
type recorder struct{ got []driver.NamedValue }

func (r *recorder) Open(string) (driver.Conn, error)             { return recConn{r}, nil }
func (r *recorder) Connect(context.Context) (driver.Conn, error) { return recConn{r}, nil }
func (r *recorder) Driver() driver.Driver                        { return r }

type recConn struct{ r *recorder }

func (c recConn) Prepare(string) (driver.Stmt, error) { return recStmt(c), nil }
func (c recConn) Close() error                        { return nil }
func (c recConn) Begin() (driver.Tx, error)           { return nil, errors.New("no transactions") }

type recStmt struct{ r *recorder }

func (s recStmt) Close() error  { return nil }
func (s recStmt) NumInput() int { return -1 }
func (s recStmt) Exec([]driver.Value) (driver.Result, error) {
	return nil, errors.New("ExecContext expected")
}
func (s recStmt) ExecContext(_ context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.r.got = append([]driver.NamedValue(nil), args...)
	return driver.RowsAffected(0), nil
}
func (s recStmt) Query([]driver.Value) (driver.Rows, error) { return nil, errors.New("no queries") }

type label string

func TestNamedValuesAsDatabaseSQL(t *testing.T) {
	rec := &recorder{}
	db := sql.OpenDB(rec)
	defer db.Close()
	str, f, n := "Kharkiv", 49.99, int64(-7)
	var nilStr *string
	var nilF *float64
	for _, tc := range []struct {
		name string
		args []any
	}{
		{"scalars", []any{"text", "", 3, int64(1) << 40, -2.5, nil}},
		{"pointers", []any{&str, nilStr, &f, nilF, &n}},
		{"other kinds", []any{true, []byte("raw"), label("day"), int32(-9), uint8(200), float32(0.5)}},
		{"none", []any{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := db.ExecContext(context.Background(), "x", tc.args...); err != nil {
				t.Fatal(err)
			}
			got, err := namedValues(make([]driver.NamedValue, 2), tc.args)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(rec.got) || (len(got) > 0 && !reflect.DeepEqual(got, rec.got)) {
				t.Errorf("namedValues = %#v\ndatabase/sql passes %#v", got, rec.got)
			}
		})
	}
	// A type database/sql refuses is refused.
	if _, err := namedValues(nil, []any{struct{}{}}); err == nil {
		t.Error("namedValues accepted a struct")
	}
}
