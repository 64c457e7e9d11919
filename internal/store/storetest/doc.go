// Package storetest is the behaviour suite every store.Store
// implementation must pass (Run), and a generator of realistic,
// fully processed articles (Build, Generate) for tests and benchmarks
// that must not depend on the pipeline stages.
package storetest
