// Image references as the engine understands them. A reference without a tag means ':latest';
// pulling a bare name would otherwise fetch every tag of the repository.

/** True when the last path component carries a tag (name:tag) or the reference has a digest. */
export function hasTagOrDigest(image: string): boolean {
  if (image.includes('@')) return true;
  const lastSlash = image.lastIndexOf('/');
  return image.slice(lastSlash + 1).includes(':');
}

/** `busybox` -> `busybox:latest`; `host:5000/x` -> `host:5000/x:latest`; tagged/digested refs unchanged. */
export function normalizeImageRef(image: string): string {
  return hasTagOrDigest(image) ? image : `${image}:latest`;
}
