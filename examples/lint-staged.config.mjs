// lint-staged.config.mjs — reportlint on the drafts staged for a commit (see docs/ci.md).
// Install once:   npm install --save-dev reportlint husky lint-staged && npx husky init
// then make .husky/pre-commit run lint-staged (examples/husky/pre-commit).
//
// lint-staged appends the staged files to the command; reportlint exits 1 on errors, which
// stops the commit and prints the findings. Add --max-warnings 0 to stop on warnings too.
export default {
  '*.{md,markdown,txt}': 'reportlint',
};
