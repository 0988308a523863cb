/*
 * fuzz_input.h - reading structured values from a libFuzzer input: every read succeeds (zeros once the input is
 * used up), so each byte string is some valid call.
 */
#ifndef NETLENS_FUZZ_INPUT_H
#define NETLENS_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
  const uint8_t *data;
  size_t size, at;
} fz_input;

static inline uint8_t fz_byte(fz_input *in) { return in->at < in->size ? in->data[in->at++] : 0; }

static inline uint32_t fz_u32(fz_input *in) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) v = (v << 8) | fz_byte(in);
  return v;
}

/* Up to `max` bytes, length first (two bytes, so names past 255 bytes are reachable); *length says how many. */
static inline const uint8_t *fz_bytes(fz_input *in, size_t max, size_t *length) {
  size_t want = ((size_t)fz_byte(in) << 8) | fz_byte(in);
  if (want > max) want %= max + 1;
  size_t left = in->size - in->at;
  if (want > left) want = left;
  const uint8_t *p = in->data + in->at;
  in->at += want;
  *length = want;
  return p;
}

#endif
