package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	sitrep "github.com/sitrep-project/sitrep"
)

// Parser is a trained tagger, lemmatiser and dependency parser. It is
// immutable and safe for concurrent use.
type Parser struct {
	tag  *tagger
	lem  *lemmatizer
	dep  *depParser
	xcls []int             // per tag class: the first class with the same XPOS
	cls  map[tagPair]int32 // (UPOS, XPOS) → tag class
	// nameAmb are the ambiguity classes of words the treebank knows as
	// proper nouns only (headline.go).
	nameAmb map[uint64]bool
	fin     *finiteTags // finite.go
	pool    sync.Pool   // *scratch
}

// scratch is one call's working memory, pooled so parsing allocates
// nothing but the strings it returns.
type scratch struct {
	ts    tagScratch
	ps    parseScratch
	forms []string
	words []uint64
	ambs  []uint64
	tags  []int32
	cls   []int
	// headline is set when caseForms rewrote forms (a headline-cased
	// sentence); orig then holds the words' own forms and lowered says
	// which were read lower case.
	headline bool
	orig     []string
	lowered  []bool
	unknown  []int  // caseForms' capitalised words the treebank does not know
	retensed []bool // per word: a participle repairFinite made a past tense
	probe    []string
	probeCls []int
}

func newParser(tg *tagger, lz *lemmatizer, dp *depParser) *Parser {
	dp.fold = newFolder(dp.w)
	p := &Parser{tag: tg, lem: lz, dep: dp, xcls: xposClasses(tg.xpos), cls: map[tagPair]int32{},
		nameAmb: nameAmbs(tg), fin: newFiniteTags(tg.upos, tg.xpos)}
	lz.setPast(tg.xpos, p.xcls)
	for c := range tg.upos {
		p.cls[tagPair{tg.upos[c], tg.xpos[c]}] = int32(c)
	}
	p.pool.New = func() any { return new(scratch) }
	return p
}

type tagPair struct{ upos, xpos string }

func xposClasses(xpos []string) []int {
	first := map[string]int{}
	out := make([]int, len(xpos))
	for i, x := range xpos {
		if _, ok := first[x]; !ok {
			first[x] = i
		}
		out[i] = first[x]
	}
	return out
}

// analyse tags and parses sc.forms; results are in sc.cls (tag classes)
// and sc.ps.st (heads, root = len(forms); relation indices).
func (p *Parser) analyse(sc *scratch) {
	p.tagOnly(sc)
	p.dep.parse(&sc.ps, sc.words, sc.tags, sc.ambs)
}

// tagOnly tags sc.forms into sc.cls, and fills the parser's inputs; a
// headline-cased sentence is read in body case (caseForms), which may
// rewrite sc.forms and sets sc.headline.
func (p *Parser) tagOnly(sc *scratch) {
	if !p.caseForms(sc) {
		p.tagForms(sc)
	}
}

// tagForms tags sc.forms as they are written.
func (p *Parser) tagForms(sc *scratch) {
	n := len(sc.forms)
	p.tag.fill(&sc.ts, sc.forms)
	if cap(sc.cls) < n {
		sc.cls, sc.tags, sc.words, sc.ambs = make([]int, n), make([]int32, n), make([]uint64, n), make([]uint64, n)
	}
	sc.cls, sc.tags, sc.words, sc.ambs = sc.cls[:n], sc.tags[:n], sc.words[:n], sc.ambs[:n]
	p.tag.tag(&sc.ts, sc.cls, false)
	p.repairFinite(sc)
	p.repairPresent(sc)
	for i := range n {
		sc.tags[i] = int32(sc.cls[i])
		sc.words[i] = sc.ts.at[i+pad].lower
		sc.ambs[i] = sc.ts.at[i+pad].amb
	}
}

// Annotate fills the tags, lemmas, heads and relations of s's words
// from their forms (CoNLL-U heads: 1-based, 0 for the root).
func (p *Parser) Annotate(s *Sentence) {
	if len(s.Words) == 0 {
		return
	}
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	sc.forms = sc.forms[:0]
	for _, w := range s.Words {
		sc.forms = append(sc.forms, w.Form)
	}
	p.analyse(sc)
	n := len(s.Words)
	for i := range s.Words {
		w := &s.Words[i]
		c := sc.cls[i]
		w.UPOS, w.XPOS = p.tag.upos[c], p.tag.xpos[c]
		w.Lemma = p.lemma(sc, i, c)
		h := int(sc.ps.st.heads[i])
		if h == n {
			w.Head = 0
		} else {
			w.Head = h + 1
		}
		w.Rel = p.dep.labels[sc.ps.st.rels[i]]
	}
}

const modelMagic = "sitrep-syntax/3\n"

// Write stores the model. The bytes depend only on the model, so
// retraining with the same data and seed reproduces the file. It is not
// compressed: the varint rows gain only 12% from gzip, and decompressing
// took 40% of the load time (Load still reads gzip-compressed models).
func (p *Parser) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(modelMagic)
	writeStrings(bw, p.tag.upos)
	writeStrings(bw, p.tag.xpos)
	p.tag.amb.write(bw)
	p.tag.sure.write(bw)
	p.tag.w.write(bw)
	p.tag.wb.write(bw)
	writeStrings(bw, p.lem.strs)
	p.lem.exc.write(bw)
	p.lem.rules.write(bw)
	p.lem.known.write(bw)
	keep := make([]uint32, len(p.lem.keep))
	for i, k := range p.lem.keep {
		if k {
			keep[i] = 1
		}
	}
	writeInts(bw, keep)
	writeStrings(bw, p.dep.labels)
	writeInts(bw, []uint32{uint32(p.dep.root)})
	writeInts(bw, u32s(p.dep.left))
	writeInts(bw, u32s(p.dep.right))
	p.dep.w.write(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

func u32s(s []int32) []uint32 {
	out := make([]uint32, len(s))
	for i, v := range s {
		out[i] = uint32(v)
	}
	return out
}

// Load reads a model written by Write (or gzip-compressed).
func Load(r io.Reader) (*Parser, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	return loadBytes(data)
}

// loadBytes decodes a model from memory; it keeps no reference to data.
func loadBytes(data []byte) (*Parser, error) {
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("load model: %w", err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("load model: %w", err)
		}
	}
	if !bytes.HasPrefix(data, []byte(modelMagic)) {
		return nil, errors.New("load model: not a sitrep syntax model")
	}
	lr := loader{b: data, off: len(modelMagic)}
	tg := &tagger{upos: lr.strings("upos"), xpos: lr.strings("xpos")}
	tg.amb = lr.table("ambiguity classes")
	tg.sure = lr.table("unambiguous words")
	tg.w = lr.weights("tagger")
	tg.wb = lr.weights("tagger, right to left")
	lz := &lemmatizer{strs: lr.strings("lemmas")}
	lz.exc = lr.table("lemma exceptions")
	lz.rules = lr.table("lemma rules")
	lz.known = lr.table("known lemmas")
	for _, k := range lr.ints("lemma case") {
		lz.keep = append(lz.keep, k == 1)
	}
	dp := &depParser{labels: lr.strings("labels")}
	root := lr.ints("root")
	for _, v := range lr.ints("left moves") {
		dp.left = append(dp.left, int32(v))
	}
	for _, v := range lr.ints("right moves") {
		dp.right = append(dp.right, int32(v))
	}
	dp.w = lr.weights("parser")
	if lr.err == nil && lr.off != len(lr.b) {
		lr.err = fmt.Errorf("%d bytes after the model", len(lr.b)-lr.off)
	}
	if lr.err != nil {
		return nil, fmt.Errorf("load model: %w", lr.err)
	}
	switch {
	case len(tg.upos) != len(tg.xpos) || tg.w.classes != len(tg.upos) || tg.wb.classes != len(tg.upos):
		return nil, errors.New("load model: tagger classes disagree")
	case len(root) != 1 || int(root[0]) >= len(dp.labels) || dp.w.classes != dp.nclasses():
		return nil, errors.New("load model: parser classes disagree")
	case len(lz.keep) != len(tg.xpos):
		return nil, errors.New("load model: lemmatiser tags disagree")
	}
	for i, k := range tg.sure.keys {
		if k != 0 && (tg.sure.vals[i] == 0 || tg.sure.vals[i] > uint64(len(tg.upos))) {
			return nil, errors.New("load model: unambiguous word's class out of range")
		}
	}
	for _, c := range append(append([]int32{}, dp.left...), dp.right...) {
		if c < 1 || int(c) >= dp.nclasses() {
			return nil, errors.New("load model: parser move out of range")
		}
	}
	for _, t := range []*u64map{lz.exc, lz.rules} {
		for i, k := range t.keys {
			if k != 0 && int(uint32(t.vals[i])) >= len(lz.strs) {
				return nil, errors.New("load model: lemma string out of range")
			}
		}
	}
	dp.root = int16(root[0])
	return newParser(tg, lz, dp), nil
}

// LoadFile reads a model file.
func LoadFile(path string) (*Parser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	defer f.Close()
	p, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// ModelPath is the built-in model inside the embedded lexicon tree.
const ModelPath = "lexicon/syntax/en_ewt.model"

// Credit is the attribution the built-in model's training data requires.
const Credit = "Universal Dependencies English Web Treebank, Silveira et al. 2014, Stanford (CC BY-SA 4.0)"

// Default returns the built-in English model (trained on UD English EWT),
// loading it on first use. The model is immutable and shared.
func Default() (*Parser, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Parser, error) {
	b, err := sitrep.Lexicon.ReadFile(ModelPath)
	if err != nil {
		return nil, fmt.Errorf("built-in syntax model: %w", err)
	}
	p, err := loadBytes(b)
	if err != nil {
		return nil, fmt.Errorf("built-in syntax model: %w", err)
	}
	return p, nil
})

func writeStrings(bw *bufio.Writer, ss []string) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], uint32(len(ss)))
	bw.Write(b[:])
	for _, s := range ss {
		binary.LittleEndian.PutUint32(b[:], uint32(len(s)))
		bw.Write(b[:])
		bw.WriteString(s)
	}
}

func writeInts(bw *bufio.Writer, vs []uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], uint32(len(vs)))
	bw.Write(b[:])
	for _, v := range vs {
		binary.LittleEndian.PutUint32(b[:], v)
		bw.Write(b[:])
	}
}

// loader decodes model sections from memory, keeping the first error.
type loader struct {
	b   []byte
	off int
	err error
}

func (l *loader) u32(what string) uint32 {
	if l.err != nil {
		return 0
	}
	if len(l.b)-l.off < 4 {
		l.err = fmt.Errorf("%s: truncated", what)
		return 0
	}
	v := binary.LittleEndian.Uint32(l.b[l.off:])
	l.off += 4
	return v
}

func (l *loader) strings(what string) []string {
	n := l.u32(what)
	if n > 1<<24 {
		l.err = fmt.Errorf("%s: implausible count %d", what, n)
	}
	if l.err != nil {
		return nil
	}
	out := make([]string, 0, n)
	for range n {
		m := int(l.u32(what))
		if l.err == nil && m > len(l.b)-l.off {
			l.err = fmt.Errorf("%s: truncated", what)
		}
		if l.err != nil {
			return nil
		}
		out = append(out, string(l.b[l.off:l.off+m]))
		l.off += m
	}
	return out
}

func (l *loader) ints(what string) []uint32 {
	n := l.u32(what)
	if n > 1<<20 {
		l.err = fmt.Errorf("%s: implausible count %d", what, n)
	}
	if l.err != nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = l.u32(what)
	}
	return out
}

func (l *loader) table(what string) *u64map {
	if l.err != nil {
		return newU64map(nil, nil)
	}
	t, k, err := readU64map(l.b[l.off:])
	if err != nil {
		l.err = fmt.Errorf("%s: %w", what, err)
		return newU64map(nil, nil)
	}
	l.off += k
	return t
}

func (l *loader) weights(what string) *weights {
	if l.err != nil {
		return &weights{classes: 1, slots: make([]slot, 1)}
	}
	w, k, err := readWeights(l.b[l.off:])
	if err != nil {
		l.err = fmt.Errorf("%s: %w", what, err)
		return &weights{classes: 1, slots: make([]slot, 1)}
	}
	l.off += k
	return w
}
