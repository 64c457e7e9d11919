package pipeline

import "testing"

// TestHeapAllowance: only --dictionaries raises the soft memory limits
// (their tables and compiled patterns live beside the models).
func TestHeapAllowance(t *testing.T) {
	opts := DefaultOptions()
	if got := HeapAllowance(opts); got != 0 {
		t.Errorf("default options: allowance %d, want 0", got)
	}
	opts.Dictionaries = "/some/dictionaries"
	if got := HeapAllowance(opts); got != DictionaryHeap || got < 100<<20 {
		t.Errorf("with dictionaries: allowance %d, want %d", got, DictionaryHeap)
	}
}
