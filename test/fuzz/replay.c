/*
 * replay.c -- runs a fuzz target over corpus files without libFuzzer, so the
 * corpora are regression tests.  Arguments are files or directories.  Each
 * input is one test; a crash or sanitizer report ends the run.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int	replayed;

static void
replay_file(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	uint8_t    *buf;
	long		len;

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	/* an exact-size heap copy, so ASan sees any read past the input */
	buf = malloc(len > 0 ? (size_t) len : 1);
	if (len > 0 && fread(buf, 1, (size_t) len, f) != (size_t) len)
	{
		perror(path);
		exit(2);
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t) len);
	free(buf);
	replayed++;
}

static void
replay_path(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
	{
		perror(path);
		exit(2);
	}
	if (S_ISDIR(st.st_mode))
	{
		struct dirent **names;
		int			n = scandir(path, &names, NULL, alphasort);
		int			i;

		for (i = 0; i < n; i++)
		{
			char		child[4096];

			if (names[i]->d_name[0] != '.')
			{
				snprintf(child, sizeof(child), "%s/%s", path, names[i]->d_name);
				replay_path(child);
			}
			free(names[i]);
		}
		free(names);
	}
	else
		replay_file(path);
}

int
main(int argc, char **argv)
{
	int			i;

	for (i = 1; i < argc; i++)
		replay_path(argv[i]);
	printf("# %s\n%d passed, 0 failed\n", argv[0], replayed);
	return 0;
}
