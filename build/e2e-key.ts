/**
 * The public key the end-to-end build of the Chrome extension carries (manifest `key`), so that its id does not
 * depend on the folder it is loaded from: the upgrade test loads an earlier release's build, given the same key,
 * on the same profile, and both must see the same chrome-extension:// origin and so the same IndexedDB.
 * Test-only: the released build has no key (the store assigns its id). Firefox needs none (its gecko id).
 */
export const E2E_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkRqdqP/NNmxgbT+iGCUqi8dt7100r6M1lvNRSRW5iGvPE1+ZGkTPm6myrHpGtCOlckLaTePaB/AualKNbzYP+eQHttlLP5Rrb8n7v39nIKpCO/CzRCIPkif09BhRY0Sy42J2UzujVZC7H51u+iCC/Ys+YV9KtVMCSQzdbDXUqj3gL/jy2AGK77tE5//vYNJm035uoHVUexlEgA1MUpNvdvGjRIzzEacjVAuGQfZcZ4EYkvJWeHIQO6Xtelvgn0jzQnJb65I31y6VkYRnGosiAU/O/EroxR/x5Ycvx2cdhFjJWfZnT9z9WrLrWoQ2UurUIMcipipxapMIo9qvdIMPXwIDAQAB';
