package names

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Hash is FNV-1a over s: the feature key both training and scoring use.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Model holds one weight row per feature, one weight per class.
type Model struct {
	Classes []string
	w       map[uint64][]float32
}

// Sample is one training span: its hashed features and its class index.
type Sample struct {
	Feats []uint64
	Class int
}

// Scores adds the weights of feats into out (len(out) == len(m.Classes))
// and returns the best class and its margin over the runner-up.
func (m *Model) Scores(feats []uint64, out []float32) (best int, margin float32) {
	for i := range out {
		out[i] = 0
	}
	for _, f := range feats {
		if row, ok := m.w[f]; ok {
			for c, v := range row {
				out[c] += v
			}
		}
	}
	best = 0
	for c := 1; c < len(out); c++ {
		if out[c] > out[best] {
			best = c
		}
	}
	second := float32(math.Inf(-1))
	for c, v := range out {
		if c != best && v > second {
			second = v
		}
	}
	return best, out[best] - second
}

// TrainOptions tune Train.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	// Prune drops features whose largest averaged weight is below this
	// magnitude, to keep the shipped file small.
	Prune float32
}

// DefaultTrainOptions returns the options the shipped model is trained with.
func DefaultTrainOptions() TrainOptions { return TrainOptions{Epochs: 8, Seed: 16, Prune: 0.05} }

// Train learns an averaged perceptron over samples.
func Train(classes []string, samples []Sample, opts TrainOptions) *Model {
	nc := len(classes)
	w := map[uint64][]float32{}
	acc := map[uint64][]float32{} // sum of updates times their timestamps, for averaging
	row := func(m map[uint64][]float32, f uint64) []float32 {
		r, ok := m[f]
		if !ok {
			r = make([]float32, nc)
			m[f] = r
		}
		return r
	}
	order := make([]int, len(samples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	scores := make([]float32, nc)
	t := float32(1)
	tmp := &Model{Classes: classes, w: w}
	for ep := 0; ep < opts.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			s := samples[i]
			best, _ := tmp.Scores(s.Feats, scores)
			if best != s.Class {
				for _, f := range s.Feats {
					r, a := row(w, f), row(acc, f)
					r[s.Class]++
					r[best]--
					a[s.Class] += t
					a[best] -= t
				}
			}
			t++
		}
	}
	out := map[uint64][]float32{}
	for f, r := range w {
		a := acc[f]
		avg := make([]float32, nc)
		keep := false
		for c := range r {
			avg[c] = r[c] - a[c]/t
			if abs(avg[c]) >= opts.Prune {
				keep = true
			}
		}
		if keep {
			out[f] = avg
		}
	}
	return &Model{Classes: classes, w: out}
}

func abs(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// Len is the number of features with weights.
func (m *Model) Len() int { return len(m.w) }

// Write saves m as text: a header line "classes\tC1\tC2...", then one line
// per feature "hexhash\tw1\tw2..." in hash order, weights rounded to
// three decimals.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "classes\t%s\n", strings.Join(m.Classes, "\t"))
	keys := make([]uint64, 0, len(m.w))
	for f := range m.w {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, f := range keys {
		bw.WriteString(strconv.FormatUint(f, 16))
		for _, v := range m.w[f] {
			bw.WriteByte('\t')
			bw.WriteString(strconv.FormatFloat(float64(v), 'f', 3, 32))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Read loads a model saved by Write; name labels errors.
func Read(r io.Reader, name string) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	m := &Model{w: map[uint64][]float32{}}
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if line == 1 {
			if f[0] != "classes" || len(f) < 3 {
				return nil, fmt.Errorf("%s:1: header is not \"classes\" and two or more classes", name)
			}
			for i, c := range f[1:] {
				if c == "" || strings.IndexFunc(c, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
					// Write could not give it back (a trailing \r is read as a line end)
					return nil, fmt.Errorf("%s:1: class %d %q is empty or holds spaces or control characters", name, i+1, c)
				}
			}
			m.Classes = f[1:]
			continue
		}
		if len(f) != len(m.Classes)+1 {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(f), len(m.Classes)+1)
		}
		h, err := strconv.ParseUint(f[0], 16, 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: feature: %w", name, line, err)
		}
		row := make([]float32, len(m.Classes))
		for c := range row {
			v, err := strconv.ParseFloat(f[c+1], 32)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: weight %d: %w", name, line, c+1, err)
			}
			if math.IsNaN(v) || math.IsInf(float64(float32(v)), 0) {
				return nil, fmt.Errorf("%s:%d: weight %d is not a finite number", name, line, c+1)
			}
			row[c] = float32(v)
		}
		m.w[h] = row
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if m.Classes == nil {
		return nil, fmt.Errorf("%s: empty model", name)
	}
	return m, nil
}

// HashParts hashes the concatenation of parts without building it.
func HashParts(parts ...string) uint64 {
	h := uint64(14695981039346656037)
	for _, s := range parts {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
	}
	return h
}
