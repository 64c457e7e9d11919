package queue

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// EmbeddedOptions configure an in-process NATS server.
type EmbeddedOptions struct {
	// Host and Port to listen on. Host "" is 127.0.0.1; Port 0 is the
	// default 4222, -1 a random free port (see Server.ClientURL).
	Host string
	Port int
	// StoreDir holds JetStream's files; required, so that documents
	// survive a restart.
	StoreDir string
	// ServerName names the server in logs and in JetStream metadata.
	ServerName string
	// MaxStore caps JetStream file storage in bytes (0: server default,
	// a share of the free disk).
	MaxStore int64
	// Log receives the server's log lines; nil silences it.
	Log *slog.Logger
	// ReadyTimeout bounds the wait for the server to accept clients.
	ReadyTimeout time.Duration
}

// DefaultEmbeddedOptions listens on 127.0.0.1:4222 with its store in
// ./sitrep-nats.
func DefaultEmbeddedOptions() EmbeddedOptions {
	return EmbeddedOptions{Host: "127.0.0.1", Port: 4222, StoreDir: "sitrep-nats", ServerName: "sitrep-embedded", ReadyTimeout: 10 * time.Second}
}

// EmbeddedServer starts a JetStream-enabled nats-server inside this
// process and waits until it accepts connections. Workers and publishers
// connect to it by URL (s.ClientURL()) exactly as to a remote cluster,
// so a one-machine deployment runs the same code path. The caller stops
// it with s.Shutdown() (then s.WaitForShutdown()).
func EmbeddedServer(opts EmbeddedOptions) (*server.Server, error) {
	if opts.StoreDir == "" {
		return nil, errors.New("embedded nats: a store directory is required")
	}
	if opts.ReadyTimeout <= 0 {
		opts.ReadyTimeout = 10 * time.Second
	}
	if opts.Host == "" {
		// Loopback unless asked otherwise: an embedded server is for
		// one machine, and JetStream has no auth configured here.
		opts.Host = "127.0.0.1"
	}
	if opts.Port == 0 {
		opts.Port = server.DEFAULT_PORT
	}
	if opts.Port > 0 {
		// nats-server reports a busy port only in its log and then
		// never becomes ready; probing first gives a clear error.
		addr := net.JoinHostPort(opts.Host, strconv.Itoa(opts.Port))
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, fmt.Errorf("embedded nats: %w", err)
		}
		l.Close()
	}
	sopts := &server.Options{
		ServerName:        opts.ServerName,
		Host:              opts.Host,
		Port:              opts.Port,
		JetStream:         true,
		StoreDir:          opts.StoreDir,
		JetStreamMaxStore: opts.MaxStore,
		NoSigs:            true, // signals belong to the host program
		NoLog:             opts.Log == nil,
	}
	s, err := server.NewServer(sopts)
	if err != nil {
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	if opts.Log != nil {
		s.SetLoggerV2(slogAdapter{opts.Log.With("component", "nats-server")}, false, false, false)
	}
	go s.Start()
	if !s.ReadyForConnections(opts.ReadyTimeout) {
		s.Shutdown()
		return nil, fmt.Errorf("embedded nats: not ready for connections after %v (port %d in use?)", opts.ReadyTimeout, opts.Port)
	}
	if !s.JetStreamEnabled() {
		s.Shutdown()
		return nil, errors.New("embedded nats: jetstream did not start")
	}
	return s, nil
}

// slogAdapter feeds nats-server's logger interface into slog.
type slogAdapter struct{ l *slog.Logger }

func (a slogAdapter) Noticef(format string, v ...any) { a.l.Info(fmt.Sprintf(format, v...)) }
func (a slogAdapter) Warnf(format string, v ...any)   { a.l.Warn(fmt.Sprintf(format, v...)) }
func (a slogAdapter) Fatalf(format string, v ...any)  { a.l.Error(fmt.Sprintf(format, v...)) }
func (a slogAdapter) Errorf(format string, v ...any)  { a.l.Error(fmt.Sprintf(format, v...)) }
func (a slogAdapter) Debugf(format string, v ...any)  { a.l.Debug(fmt.Sprintf(format, v...)) }
func (a slogAdapter) Tracef(format string, v ...any)  { a.l.Debug(fmt.Sprintf(format, v...)) }
