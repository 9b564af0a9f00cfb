// Image shipping: image references compared the way the engine lists its tags. The engine names
// `busybox` as `busybox:latest` and `docker.io/library/busybox:1` as `busybox:1`; a node's inventory
// and a service's image are compared in that form.

/** True for an image ID (`sha256:` and 64 hex digits). */
export function isImageId(ref: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(ref);
}

/** `docker.io/library/busybox` -> `busybox:latest`; IDs and digest references unchanged. */
export function familiarImageRef(ref: string): string {
  if (isImageId(ref)) return ref;
  let r = ref.replace(/^(index\.)?docker\.io\/(library\/)?/, '');
  if (r.includes('@')) return r;
  const lastSlash = r.lastIndexOf('/');
  if (!r.slice(lastSlash + 1).includes(':')) r = `${r}:latest`;
  return r;
}

/** Whether `tag` (as the engine lists it) names the image `ref` refers to. */
export function imageRefMatches(ref: string, tag: string): boolean {
  return familiarImageRef(ref) === familiarImageRef(tag);
}
