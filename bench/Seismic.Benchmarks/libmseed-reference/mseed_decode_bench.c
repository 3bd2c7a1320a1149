/*
 * Reference decode speed of libmseed (Debian's libmseed-dev, 2.19.x) for the benchmark only.
 * Reads a miniSEED 2 file into memory, then parses and decodes every record (msr_parse with data
 * unpacking) in a loop for at least the given number of seconds. Prints one line:
 *   samples=<samples per pass> passes=<passes> seconds=<elapsed> samples_per_second=<rate>
 * Build: cc -O2 -o mseed_decode_bench mseed_decode_bench.c -lmseed
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <libmseed.h>

static double now_seconds(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One pass over the buffer: returns decoded samples, or -1 on a parse error. */
static long decode_all(char *buffer, long length, MSRecord **msr)
{
  long offset = 0;
  long samples = 0;
  while (offset < length)
  {
    int rv = msr_parse(buffer + offset, (int)(length - offset), msr, -1, 1, 0);
    if (rv != MS_NOERROR || *msr == NULL || (*msr)->reclen <= 0)
      return -1;
    samples += (*msr)->numsamples;
    offset += (*msr)->reclen;
  }
  return samples;
}

int main(int argc, char **argv)
{
  if (argc < 2)
  {
    fprintf(stderr, "usage: %s FILE [MIN_SECONDS]\n", argv[0]);
    return 2;
  }
  double min_seconds = argc > 2 ? atof(argv[2]) : 1.0;
  FILE *file = fopen(argv[1], "rb");
  if (!file)
  {
    perror(argv[1]);
    return 2;
  }
  fseek(file, 0, SEEK_END);
  long length = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *buffer = malloc(length);
  if (!buffer || fread(buffer, 1, length, file) != (size_t)length)
  {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  fclose(file);

  MSRecord *msr = NULL;
  long per_pass = decode_all(buffer, length, &msr); /* warm-up */
  if (per_pass < 0)
  {
    fprintf(stderr, "libmseed cannot parse %s\n", argv[1]);
    return 1;
  }
  long passes = 0;
  double start = now_seconds();
  double elapsed = 0;
  do
  {
    decode_all(buffer, length, &msr);
    passes++;
    elapsed = now_seconds() - start;
  } while (elapsed < min_seconds);

  printf("samples=%ld passes=%ld seconds=%.6f samples_per_second=%.0f\n",
         per_pass, passes, elapsed, (double)per_pass * passes / elapsed);
  msr_free(&msr);
  free(buffer);
  return 0;
}
