package pipeline

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// releaseExecutableData tells the kernel that the resident pages of the
// executable's read-only, private mappings (r--p: Go's rodata, where
// embed keeps the model and lexicon files) may be dropped. They are
// clean file pages, so nothing is lost: a page still in use faults back
// in from the page cache on its next read. After Warm, the ~25 MB of
// embedded data decoded into the heap are not read again, and RSS falls
// by that much (measured: 40 MB of file pages resident before, 15 MB
// after, 0.4 MB faulted back in by the next article). Errors are
// ignored: this only trims memory.
func releaseExecutableData() {
	exe, err := os.Readlink("/proc/self/exe")
	if err != nil {
		return
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 6 || fs[1] != "r--p" || fs[5] != exe {
			continue
		}
		lo, hi, ok := strings.Cut(fs[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
}
