package exitcode

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, OK},
		{"plain error", errors.New("cannot reach postgres"), CouldNotRun},
		{"failure", Fail(errors.New("2 models failed")), Failed},
		{"wrapped failure", fmt.Errorf("run: %w", Fail(errors.New("x"))), Failed},
		{"canceled", fmt.Errorf("model a: %w", context.Canceled), Interrupted},
		{"canceled beats failure", Fail(fmt.Errorf("x: %w", context.Canceled)), Interrupted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Code(tc.err); got != tc.want {
				t.Errorf("Code(%v) = %d, want %d", tc.err, got, tc.want)
			}
		})
	}
	if Fail(nil) != nil {
		t.Error("Fail(nil) is not nil")
	}
}
