/*
 * loader.h: the one gate through which libxml2 and libxslt load files.  Only files
 * inside directories allowed with loader_allow() are read; anything with a URL
 * scheme (http:, ftp:, file:, ...) is refused, so neither XInclude, an external
 * entity, a schema import nor xsl:import can reach the network or the rest of
 * the file system.  The check is on the real path of the file itself, so a
 * symbolic link inside an allowed directory cannot point out of it.
 */
#ifndef LOADER_H
#define LOADER_H

void	loader_install(void);
int	loader_allow(const char *dir);
void	loader_reset(void);

#endif
