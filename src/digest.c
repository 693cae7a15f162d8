/*
 * digest.c: SHA-256 through OpenSSL's libcrypto (see digest.h).  Called by
 * out_html.c.  No hand-written cryptography.
 */
#include <openssl/evp.h>

#include "buf.h"
#include "digest.h"
#include "msg.h"

int
digest_sha256_b64(struct buf *out, const void *data, size_t len)
{
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned char	 b64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
	unsigned int	 mdlen = 0;
	int		 n;

	if (EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) != 1) {
		msg(MSG_SYSERR, NULL, 0, 0, "libcrypto: SHA-256 failed");
		return -1;
	}
	n = EVP_EncodeBlock(b64, md, (int)mdlen);
	buf_put(out, b64, (size_t)n);
	return 0;
}
