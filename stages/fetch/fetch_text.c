#include "fetch_text.h"

#include <string.h>

size_t cxs_space_at(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	switch (u[0]) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
		return 1;
	case 0xC2:   /* U+0085, U+00A0 */
		return len >= 2 && (u[1] == 0x85 || u[1] == 0xA0) ? 2 : 0;
	case 0xE1:   /* U+1680 */
		return len >= 3 && u[1] == 0x9A && u[2] == 0x80 ? 3 : 0;
	case 0xE2:   /* U+2000-U+200A, U+2028, U+2029, U+202F, U+205F */
		if (len < 3)
			return 0;
		if (u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xA8 || u[2] == 0xA9 || u[2] == 0xAF))
			return 3;
		return u[1] == 0x81 && u[2] == 0x9F ? 3 : 0;
	case 0xE3:   /* U+3000 */
		return len >= 3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
	}
	return 0;
}

int cxs_text_blank(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t n = cxs_space_at(s + i, len - i);
		if (!n)
			return 0;
		i += n;
	}
	return 1;
}

static int is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int cxs_lang_primary(const char *tag, size_t len, char out[CXS_LANG_MAX])
{
	size_t i = 0, n = 0;

	out[0] = '\0';
	while (i < len && is_ascii_space(tag[i]))
		i++;
	while (len > i && is_ascii_space(tag[len - 1]))
		len--;
	for (; i < len && n < CXS_LANG_MAX; i++, n++) {
		char c = tag[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + ('a' - 'A'));
		if (c < 'a' || c > 'z')
			break;
		out[n] = c;
	}
	if (n < 2 || n >= CXS_LANG_MAX || (i < len && tag[i] != '-' && tag[i] != '_')) {
		out[0] = '\0';
		return 0;
	}
	out[n] = '\0';
	return 1;
}

size_t cxs_text_unify_newlines(char *s, size_t len)
{
	char *cr = memchr(s, '\r', len);
	size_t i, o;

	if (!cr)
		return len;
	for (i = o = (size_t)(cr - s); i < len; i++) {
		if (s[i] == '\r') {
			s[o++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else {
			s[o++] = s[i];
		}
	}
	return o;
}
