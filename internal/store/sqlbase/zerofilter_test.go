package sqlbase

import (
	"reflect"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

// TestIsZeroFilter walks store.EventFilter's fields by reflect and sets
// each in turn: every one must make the filter non-zero (the country
// sums answer only what a zero rest of the filter leaves), so a field
// added to EventFilter is covered or this test names it.
func TestIsZeroFilter(t *testing.T) {
	if !isZeroFilter(store.EventFilter{}) {
		t.Error("the zero filter is not zero")
	}
	if !isZeroFilter(store.EventFilter{Modality: []string{}}) {
		t.Error("an empty modality list sets something")
	}
	typ := reflect.TypeFor[store.EventFilter]()
	for i := range typ.NumField() {
		var f store.EventFilter
		field := reflect.ValueOf(&f).Elem().Field(i)
		switch field.Kind() {
		case reflect.String:
			field.SetString("x")
		case reflect.Bool:
			field.SetBool(true)
		case reflect.Int, reflect.Int64:
			field.SetInt(1)
		case reflect.Slice:
			field.Set(reflect.Append(field, reflect.Zero(field.Type().Elem())))
		case reflect.Pointer:
			field.Set(reflect.New(field.Type().Elem()))
		default:
			t.Errorf("EventFilter.%s: a %s, which this test cannot set: teach it", typ.Field(i).Name, field.Kind())
			continue
		}
		if isZeroFilter(f) {
			t.Errorf("EventFilter.%s set, and isZeroFilter says the filter sets nothing", typ.Field(i).Name)
		}
	}
}
