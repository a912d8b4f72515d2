package load

import "github.com/mtxhq/mtx/dialects"

// prefetchBatches is how many decoded batches may wait for the engine:
// enough to keep the decoder busy while the driver sends one, few enough
// that memory stays bounded by a handful of row batches.
const prefetchBatches = 2

// prefetched decodes a file's rows on its own goroutine, a batch ahead of
// the engine's driver, so decoding parquet overlaps with encoding and
// sending rows (pgx's COPY, a multi-row INSERT) instead of alternating
// with them. Values stay valid until the next batch is started, which
// covers RowSource's contract (until the next Next).
type prefetched struct {
	src     *fileRows
	width   int
	batches chan *rowBlock
	free    chan *rowBlock
	stop    chan struct{}
	done    chan struct{}
	cur     *rowBlock
	i       int
	ended   bool  // Next saw batches closed
	err     error // src's error, set before batches is closed
}

// rowBlock holds up to rowBatch decoded rows in one backing array.
type rowBlock struct {
	vals []any
	n    int
}

func prefetch(src *fileRows) *prefetched {
	p := &prefetched{
		src:     src,
		width:   len(src.cols),
		batches: make(chan *rowBlock, prefetchBatches),
		free:    make(chan *rowBlock, prefetchBatches+2),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	go p.decode()
	return p
}

// decode fills blocks until the file ends, fails, or Close stops it.
func (p *prefetched) decode() {
	defer close(p.done)
	defer close(p.batches)
	for {
		var b *rowBlock
		select {
		case b = <-p.free:
		default:
			b = &rowBlock{vals: make([]any, rowBatch*p.width)}
		}
		b.n = 0
		for b.n < rowBatch && p.src.Next() {
			vals, _ := p.src.Values()
			copy(b.vals[b.n*p.width:], vals)
			b.n++
		}
		if b.n > 0 {
			select {
			case p.batches <- b:
			case <-p.stop:
				return
			}
		}
		if b.n < rowBatch {
			p.err = p.src.Err()
			return
		}
	}
}

// Next advances to the next decoded row.
func (p *prefetched) Next() bool {
	if p.cur != nil && p.i+1 < p.cur.n {
		p.i++
		return true
	}
	if p.cur != nil {
		select {
		case p.free <- p.cur:
		default:
		}
		p.cur = nil
	}
	b, ok := <-p.batches
	if !ok {
		p.ended = true
		return false
	}
	p.cur, p.i = b, 0
	return true
}

func (p *prefetched) Values() ([]any, error) {
	return p.cur.vals[p.i*p.width : (p.i+1)*p.width], nil
}

// Err is the decoding error that ended the rows, once Next has said so
// (the decoder sets it before closing batches).
func (p *prefetched) Err() error {
	if p.ended {
		return p.err
	}
	return nil
}

// Close stops the decoder (an engine may stop reading early, on error)
// and releases the file's row group reader once it has stopped.
func (p *prefetched) Close() {
	close(p.stop)
	<-p.done
	p.src.Close()
}

var _ dialects.RowSource = (*prefetched)(nil)
