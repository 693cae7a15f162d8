/*
 * digest.h: SHA-256 in base64, for the Content-Security-Policy hashes of the
 * HTML page's inline style and script.  The only file that includes OpenSSL.
 */
#ifndef DIGEST_H
#define DIGEST_H

#include <stddef.h>

struct buf;

int	digest_sha256_b64(struct buf *out, const void *data, size_t len);

#endif
