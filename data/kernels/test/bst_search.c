// Pointer chasing down a binary search tree to a leaf: the node with the largest key not above key, or null.
#include <stddef.h>

struct tree {
  struct tree *child[2];
  long key;
};

const struct tree *bst_search(const struct tree *t, long key) {
  const struct tree *best = NULL;
  while (t) {
    int right = key >= t->key;
    best = right ? t : best;
    t = t->child[right];
  }
  return best;
}
