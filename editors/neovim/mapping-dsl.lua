-- Mapping DSL in Neovim (0.10 or later): the .mdsl file type and the language server.
-- Copy this file to ~/.config/nvim/plugin/mapping-dsl.lua (or source it from init.lua);
-- docs/editors.md says what you get. `mapping-dsl` must be on PATH, or set `cmd` below.

vim.filetype.add({ extension = { mdsl = 'mappingdsl' } })

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'mappingdsl',
  callback = function(args)
    vim.bo[args.buf].commentstring = '# %s'
    vim.lsp.start({
      name = 'mapping-dsl',
      cmd = { 'mapping-dsl', 'lsp' },
      -- The workspace: the nearest folder with a flag file or a repository, else the file's.
      root_dir = vim.fs.root(args.buf, { 'flags.yaml', '.git' }) or vim.fs.dirname(args.file),
      settings = {
        mappingDsl = {
          -- The production flag file to validate against, relative to root_dir. Without it
          -- (or when it cannot be read) every flag is on, as in production.
          flagsFile = 'flags.yaml',
        },
      },
    })
  end,
})
