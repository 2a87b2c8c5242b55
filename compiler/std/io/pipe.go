package io

import "sync"

// onceError keeps the first error stored in it.
type onceError struct {
	mu  sync.Mutex
	err error
}

func (a *onceError) Store(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err != nil {
		return
	}
	a.err = err
}

func (a *onceError) Load() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.err
}

// pipe is the state shared by a PipeReader and its PipeWriter: a Write
// hands its slice to Reads over wrCh and waits on rdCh for how much each
// took; done is closed by the first Close of either side.
type pipe struct {
	wrMu sync.Mutex
	wrCh chan []byte
	rdCh chan int
	once sync.Once
	done chan struct{}
	rerr onceError
	werr onceError
}

func (p *pipe) read(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.readCloseError()
	default:
	}
	select {
	case bw := <-p.wrCh:
		nr := copy(b, bw)
		p.rdCh <- nr
		return nr, nil
	case <-p.done:
		return 0, p.readCloseError()
	}
}

func (p *pipe) closeRead(err error) error {
	if err == nil {
		err = ErrClosedPipe
	}
	p.rerr.Store(err)
	p.once.Do(func() { close(p.done) })
	return nil
}

func (p *pipe) write(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.writeCloseError()
	default:
	}
	p.wrMu.Lock()
	defer p.wrMu.Unlock()
	for once := true; once || len(b) > 0; once = false {
		select {
		case p.wrCh <- b:
			nw := <-p.rdCh
			b = b[nw:]
			n += nw
		case <-p.done:
			return n, p.writeCloseError()
		}
	}
	return n, nil
}

func (p *pipe) closeWrite(err error) error {
	if err == nil {
		err = EOF
	}
	p.werr.Store(err)
	p.once.Do(func() { close(p.done) })
	return nil
}

func (p *pipe) readCloseError() error {
	rerr := p.rerr.Load()
	if werr := p.werr.Load(); rerr == nil && werr != nil {
		return werr
	}
	return ErrClosedPipe
}

func (p *pipe) writeCloseError() error {
	werr := p.werr.Load()
	if rerr := p.rerr.Load(); werr == nil && rerr != nil {
		return rerr
	}
	return ErrClosedPipe
}

// A PipeReader is the read half of a pipe.
type PipeReader struct{ p *pipe }

// Read reads what a Write on the other end offers, blocking until a
// writer arrives or the write end is closed (then its error, EOF by
// default).
func (r *PipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }

// Close closes the reader; later writes fail with ErrClosedPipe.
func (r *PipeReader) Close() error { return r.CloseWithError(nil) }

// CloseWithError closes the reader; later writes fail with err.
func (r *PipeReader) CloseWithError(err error) error { return r.p.closeRead(err) }

// A PipeWriter is the write half of a pipe.
type PipeWriter struct{ p *pipe }

// Write blocks until readers have consumed all of data or the read end
// is closed.
func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.p.write(data) }

// Close closes the writer; later reads return EOF.
func (w *PipeWriter) Close() error { return w.CloseWithError(nil) }

// CloseWithError closes the writer; later reads return err (EOF if nil).
func (w *PipeWriter) CloseWithError(err error) error { return w.p.closeWrite(err) }

// Pipe creates a synchronous in-memory pipe: each Write waits until
// Reads have taken all of its data; there is no buffering.
func Pipe() (*PipeReader, *PipeWriter) {
	p := &pipe{
		wrCh: make(chan []byte),
		rdCh: make(chan int),
		done: make(chan struct{}),
	}
	return &PipeReader{p}, &PipeWriter{p}
}
