package model

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestOffsetMap(t *testing.T) {
	var m OffsetMap
	m.Add(0, 10, 5)  // body 0..5 ← raw 10..15
	m.Add(5, 15, 3)  // contiguous: merged
	m.Add(9, 30, 4)  // body 8 was inserted by the cleaner
	m.Add(13, 40, 0) // empty runs are ignored
	if len(m) != 2 {
		t.Fatalf("segments %+v, want 2 after merging", m)
	}
	tests := []struct {
		body, raw int
		ok        bool
	}{{0, 10, true}, {7, 17, true}, {8, 0, false}, {9, 30, true}, {12, 33, true}, {13, 0, false}, {-1, 0, false}}
	for _, tt := range tests {
		raw, ok := m.Raw(tt.body)
		if ok != tt.ok || (ok && raw != tt.raw) {
			t.Errorf("Raw(%d) = %d, %v; want %d, %v", tt.body, raw, ok, tt.raw, tt.ok)
		}
	}
}

func TestContentIDNormalisesWhitespace(t *testing.T) {
	a := ContentID("Taiwan  demanded\nthat China end drills. ")
	b := ContentID("Taiwan demanded that China end drills.")
	c := ContentID("Taiwan demanded that China end its drills.")
	if a != b || a == c || len(a) != 64 {
		t.Errorf("ids %s %s %s", a, b, c)
	}
}

func TestNewArticleEncodesEmptyListsAndNulls(t *testing.T) {
	a := NewArticle()
	a.Entities = append(a.Entities, Entity{ID: "e1", Name: "X", Type: TypeOrg})
	a.Events = append(a.Events, Event{ID: "v1"})
	a.Normalize()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"title":null`, `"captions":[]`, `"sentences":[]`, `"roles":[]`, `"mentions":[]`, `"attribution":[]`, `"context":[]`, `"target":null`, `"duplicate_of":null`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s: %s", want, s)
		}
	}
}
