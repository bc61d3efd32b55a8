# As mensagens do editor em português do Brasil. Mesmos ids e mesmos argumentos do en.ftl
# (o teste i18n::tests confere); o que faltar aqui aparece em inglês.

## A ajuda das teclas (`?`): um título por tabela do assets/keys.toml, uma linha por comando.

help-title = Teclas (j/k rolam · esc fecha · um keys.toml na pasta de configuração muda as teclas)

keys-global = Em qualquer lugar
keys-global-view_syscalls = Syscalls: categorias, lista e detalhes
keys-global-view_bpf = BPF: o filtro que o kernel vai rodar
keys-global-view_run = Executar: testar um comando sob o perfil
keys-global-view_lint = Lint: apontamentos sobre o perfil
keys-global-view_settings = Perfil: ação padrão, arquiteturas, flags, alvo
keys-global-focus_next = Foco no próximo painel
keys-global-focus_prev = Foco no painel anterior
keys-global-search = Buscar syscalls por nome, resumo ou grupo
keys-global-undo = Desfazer a última edição
keys-global-redo = Refazer o que foi desfeito
keys-global-save = Salvar o perfil (de forma atômica)
keys-global-toggle_theme = Alternar entre o tema escuro e o claro
keys-global-help = Mostrar esta ajuda
keys-global-usage = Como aplicar este perfil: Docker, podman, Kubernetes, systemd, bubblewrap
keys-global-lessons = Lições: aprender seccomp passo a passo, com verificação a cada passo
keys-global-close_tour = Fechar o tour inicial (até lá ele acompanha a vista em que você está)
keys-global-starters = Recomeçar de um perfil inicial (no-network, read-only-fs, strict, ...; u volta)
keys-global-quit = Sair (pergunta antes se há mudanças não salvas)

keys-navigation = Navegação
keys-navigation-up = Subir
keys-navigation-down = Descer
keys-navigation-page_up = Subir uma página
keys-navigation-page_down = Descer uma página
keys-navigation-top = Ir para o primeiro item
keys-navigation-bottom = Ir para o último item
keys-navigation-detail_down = Rolar o painel de detalhes (assinatura, regras, página do man) para baixo
keys-navigation-detail_up = Rolar o painel de detalhes para cima
keys-navigation-back = Limpar o filtro da busca e as marcas

keys-actions = Categorias e syscalls
keys-actions-allow = Liberar a syscall selecionada, as marcadas ou a categoria inteira
keys-actions-deny = Negar: falhar com o errno do perfil
keys-actions-deny_with = Negar com um errno digitado (EACCES, 13, ...)
keys-actions-kill = Matar o processo
keys-actions-log = Liberar e registrar em log
keys-actions-trap = Enviar SIGSYS (trap)
keys-actions-notify = Perguntar a um supervisor em espaço de usuário (notify)
keys-actions-default = Voltar para a ação padrão
keys-actions-mark = Marcar ou desmarcar a syscall, para agir em várias de uma vez
keys-actions-open_rules = Abrir o editor de regras de argumentos da syscall
keys-actions-toggle_run_stops = Com 160 colunas ou mais: mostrar os bloqueios da vista de execução ao lado da lista
keys-actions-deny_siblings = Depois de negar uma syscall cujas irmãs (mesma função) seguem liberadas (chmod negada, fchmodat liberada): negá-las do mesmo jeito (uma edição, desfazível)
keys-actions-open_in_bpf = Mostrar o trecho do programa BPF da syscall na vista 2 (lá, v mostra as regras no JSON)

keys-bpf = Vista BPF
keys-bpf-toggle_follow = Acompanhar a syscall selecionada na vista 1: destacar o caminho e rolar até ele
keys-bpf-find_in_listing = Procurar texto na listagem (um nome de syscall, ALLOW, args[1]...)
keys-bpf-find_next = Próxima ocorrência
keys-bpf-find_prev = Ocorrência anterior
keys-bpf-cycle_rendering = Mostrar a desmontagem, o PFC da libseccomp ou o JSON que o salvamento gravaria
keys-bpf-explain_call = Explicar uma chamada digitada (socket AF_INET6 SOCK_STREAM 0; tab completa)
keys-bpf-cycle_abi = Fazer as chamadas na próxima ABI coberta pelo filtro (x86_64, x86, x32...)
keys-bpf-compare_layouts = Comparar o layout linear e o de árvore binária do rascunho

keys-rules = Editor de regras
keys-rules-new_rule = Adicionar uma regra com condições sobre argumentos
keys-rules-edit_rule = Editar a regra selecionada
keys-rules-delete_rule = Tirar a syscall da regra selecionada
keys-rules-close = Fechar o editor de regras

keys-form = Formulário da regra
keys-form-next_field = Próximo campo
keys-form-prev_field = Campo anterior
keys-form-complete = Completar o nome de uma constante, ou ir ao próximo campo
keys-form-choice_next = Próxima opção (argumento, operador, ação)
keys-form-choice_prev = Opção anterior
keys-form-add_condition = Adicionar uma condição (as condições valem juntas, com E)
keys-form-remove_condition = Remover a condição sob o cursor
keys-form-apply = Aplicar a regra ao perfil
keys-form-cancel = Sair do formulário sem mudar nada

keys-settings = Configurações do perfil
keys-settings-change_next = Próximo valor da configuração
keys-settings-change_prev = Valor anterior da configuração
keys-settings-toggle = Alternar, ou digitar um novo valor
keys-settings-show_changes = Mostrar o efeito das mudanças não salvas (diferença efetiva em relação ao arquivo salvo)

keys-run = Vista de execução
keys-run-edit_command = Editar a linha de comando; enter de novo a executa (cima/baixo: histórico)
keys-run-rerun = Executar o comando de novo sob o rascunho atual
keys-run-stop_run = Encerrar o comando em execução e todos os processos que ele iniciou
keys-run-allow = Liberar no perfil a syscall bloqueada selecionada (uma edição, desfazível)
keys-run-deny = Negar do mesmo jeito as chamadas que passaram (irmãs de syscalls negadas) (uma edição, desfazível)
keys-run-open_rules = Abrir o editor de regras para o bloqueio selecionado, já com os argumentos dele
keys-run-record = Gravar: executar observando todas as chamadas e depois propor o que falta ao rascunho
keys-run-toggle_enforce = Alternar entre o modo observado (todo bloqueio é relatado) e o modo aplicado
keys-run-toggle_target = Escolher onde os comandos rodam: nesta máquina, ou num container criado pelo runc ou crun a partir de um sistema de arquivos raiz ou de um bundle OCI (pergunta a pasta, sugerindo a última usada com este perfil)
keys-run-focus_terminal = Digitar no comando em execução (o terminal dele recebe as teclas)
keys-run-scroll_back = Voltar páginas na saída anterior do comando (as últimas 1.000 linhas; a roda do mouse também)
keys-run-scroll_forward = Avançar páginas na saída do comando, até a tela ao vivo

keys-proposal = Vista de execução: proposta depois de uma gravação
keys-proposal-yes = Aceitar o acréscimo selecionado
keys-proposal-no = Recusar o acréscimo selecionado
keys-proposal-mark = Aceitar ou recusar o acréscimo selecionado
keys-proposal-toggle_narrow = Alternar o acréscimo selecionado entre a regra estreita (só os valores vistos) e a syscall pelo nome
keys-proposal-accept_all = Aceitar todos os acréscimos
keys-proposal-reject_all = Recusar todos os acréscimos
keys-proposal-apply = Adicionar as regras aceitas depois das do rascunho (uma edição, desfazível)
keys-proposal-cancel = Deixar a proposta de lado sem mudar o perfil

keys-lint = Vista de lint
keys-lint-jump_to_rule = Ir para a syscall do apontamento (vista 1, ou o editor de regras para condições de argumentos)
keys-lint-apply_fix = Aplicar a correção do apontamento (uma edição, desfazível)

keys-terminal = Vista de execução: digitando no comando
keys-terminal-release_terminal = Devolver as teclas ao editor (todas as outras teclas vão para o comando)
keys-terminal-scroll_back = Voltar páginas na saída anterior do comando
keys-terminal-scroll_forward = Avançar páginas na saída do comando, até a tela ao vivo

keys-prompt = Busca e perguntas
keys-prompt-apply = Aceitar o que foi digitado (busca: pular para a primeira ocorrência)
keys-prompt-cancel = Cancelar (busca: limpar o filtro)

keys-dialog = Perguntas
keys-dialog-yes = Salvar antes de sair; restaurar um arquivo de recuperação
keys-dialog-no = Sair sem salvar; ignorar um arquivo de recuperação
keys-dialog-overwrite = O arquivo mudou no disco: sobrescrevê-lo com o documento
keys-dialog-reload = Restaurar um arquivo de recuperação; se o arquivo mudou no disco, carregá-lo de novo (desfazer traz de volta suas edições)
keys-dialog-cancel = Voltar ao editor

## A barra de status.

search-keys = enter: primeira ocorrência · esc: limpar
status-not-changed = Nada mudou: { $why }
status-undid = Desfeito: { $edit }
status-redid = Refeito: { $edit }
status-nothing-to-undo = Nada para desfazer
status-nothing-to-redo = Nada para refazer
status-no-file-yet = O perfil embutido ainda não tem arquivo: salve-o com um nome
status-saved = Salvo em { $file }
status-saved-canonical = Salvo em { $file } na forma canônica ({ $why })
status-could-not-save = Não foi possível salvar { $file }: { $why }

## Perguntas.

prompt-title = Pergunta
prompt-keys = enter aceita · esc cancela
dialog-cancel = { $key } cancelar
dialog-quit-title = Mudanças não salvas
dialog-quit-text = Salvar as mudanças antes de sair?
dialog-quit-save = { $key } salvar e sair
dialog-quit-discard = { $key } descartar e sair
dialog-stop-run-title = Há um comando em execução
dialog-stop-run-text = O comando na vista de execução ainda está rodando. Encerrá-lo, com todos os processos que ele iniciou, e sair?
dialog-stop-run-end = { $key } encerrar e sair
dialog-stop-run-keep = { $key } deixar rodando
dialog-recover-title = Arquivo de recuperação
dialog-recover-text = Uma sessão anterior deixou mudanças não salvas neste perfil. Restaurá-las?
dialog-recover-restore = { $key } restaurar (desfazer volta ao arquivo)
dialog-recover-ignore = { $key } ignorar e apagá-las
dialog-read-only-title = Arquivo somente leitura
dialog-read-only-text = O arquivo é somente leitura (você não tem permissão de escrita). Gravar mesmo assim?
dialog-read-only-write = { $key } gravar mesmo assim
dialog-disk-title = O arquivo mudou no disco
dialog-disk-gone-text = O arquivo foi removido depois de aberto. Gravá-lo de novo?
dialog-disk-appeared-text = Um arquivo com este nome foi criado nesse meio-tempo. Substituí-lo?
dialog-disk-changed-text = O arquivo mudou no disco depois de aberto (outro editor, git, ...). Salvar sobrescreveria essas mudanças.
dialog-disk-overwrite = { $key } sobrescrever
dialog-disk-reload = { $key } recarregá-lo (u traz de volta suas edições)

## Dicas de teclas na barra de status e sob os painéis: $k1, $k2... são as teclas configuradas.

hint-change = { $k1 }/{ $k2 } muda
hint-toggle-or-type = { $k1 } alterna ou digita um valor
hint-unsaved-changes = { $k1 } mudanças não salvas
hint-target-not-saved = o alvo não é salvo no perfil
hint-new-rule = { $k1 } nova regra
hint-edit = { $k1 } edita
hint-take-out-of-rule = { $k1 } tira { $name } da regra
hint-close = { $k1 } fecha
hint-u-undo = u desfaz
hint-field = { $k1 }/{ $k2 } campo
hint-choose = { $k1 }/{ $k2 } escolhe
hint-complete = { $k1 } completa
hint-add-condition = { $k1 } nova condição
hint-remove = { $k1 } remove
hint-apply = { $k1 } aplica
hint-cancel = { $k1 } cancela
hint-deny-them-too = { $k1 } nega essas também
hint-runs-again = { $k1 } roda de novo
hint-accept = { $k1 } aceita
hint-reject = { $k1 } recusa
hint-narrow-by-name = { $k1 } estreita/por nome
hint-all = { $k1 } todas
hint-none = { $k1 } nenhuma
hint-apply-one-edit = { $k1 } aplica (uma edição)
hint-put-away = { $k1 } deixa de lado
hint-other-views = 1-5 as outras vistas
hint-close-shown-once = { $k1 } fecha (aparece uma vez só)
hint-help = { $k1 } ajuda
hint-undo = { $k1 } desfaz
hint-save = { $k1 } salva
hint-quit = { $k1 } sai
hint-search = { $k1 } busca
hint-act = { $k1 }{ $k2 }{ $k3 }{ $k4 }{ $k5 }{ $k6 }{ $k7 } ação
hint-rules = { $k1 } regras
hint-mark = { $k1 } marca
hint-settings = ←/→ muda · espaço alterna
hint-view = { $k1 } vista
hint-explain = { $k1 } explica
hint-abi = { $k1 } ABI
hint-follow = { $k1 } acompanha
hint-find-next = { $k1 } procura ({ $k2 }/{ $k3 } próxima)
hint-edit-run = { $k1 } edita/roda
hint-again = { $k1 } de novo
hint-record = { $k1 } grava
hint-allow = { $k1 } libera
hint-fix = { $k1 } corrige
hint-go-to = { $k1 } vai até
hint-keys-to-command = as teclas vão para o comando
hint-back-to-the-editor = { $k1 } volta ao editor
hint-choice = { $k1 }/{ $k2 } opção
hint-remove-it = { $k1 } remove
hint-take-out = { $k1 } tira

## A barra de título.

title-unsaved = { $origin } (não salvo)
title-native-arch = só a arch nativa
title-arches = { $n ->
    [one] { $n } arch
   *[other] { $n } archs
}
title-arches-more = { $first }+{ $n } outras
title-default = padrão { $action }

## Vista 1.

syscalls-categories = Categorias
syscalls-details = Detalhes

## Vista 2.

bpf-title-disassembly = BPF · desmontagem

## Vista 3.

run-title = Executar
run-terminal = Terminal
run-terminal-back = Terminal: { $n } linhas atrás ({ $key } avança)
run-terminal-typing = Terminal: digitando no comando ({ $key } sai)
run-stops = Bloqueios
run-went-through = Passaram (o rascunho libera estas)
run-proposal = Proposta

## Vista 4 (os textos dos apontamentos vêm do lint, em inglês).

lint-errors = { $n ->
    [one] { $n } erro
   *[other] { $n } erros
}
lint-warnings = { $n ->
    [one] { $n } aviso
   *[other] { $n } avisos
}
lint-notes = { $n ->
    [one] { $n } nota
   *[other] { $n } notas
}
lint-nothing-found = nada encontrado
lint-title = Lint: { $summary }
lint-title-stale = Lint: { $summary } (verificando a última edição…)
lint-title-checking = Lint: verificando…
lint-heading-errors = Erros ({ $n })
lint-heading-warnings = Avisos ({ $n })
lint-heading-notes = Notas ({ $n })
lint-no-findings = Nenhum apontamento: o lint não vê nada de errado neste rascunho para o alvo.
lint-finding = Apontamento
lint-finding-title = { $severity }[{ $id }] em { $line }:{ $col }

## Vista 5.

settings-title = Configurações do perfil e alvo
settings-default-action = Ação padrão
settings-default-errno = Errno padrão
settings-errno-not-set = não definido: EPERM
settings-architectures = Arquiteturas
settings-flags = Flags
settings-target-arch = Arch do alvo
settings-target-arch-about = regras com includes/excludes são avaliadas para esta máquina
settings-target-kernel = Kernel do alvo
settings-runtime = Runtime
settings-runtime-runc = ignora nomes que a libseccomp dele não resolve, ENOSYS para chamadas mais novas
settings-runtime-crun = ignora nomes que a libseccomp dele não resolve
settings-runtime-none = carrega o filtro como o seccompose o compilou
settings-capabilities = Capabilities
settings-caps-count = { $n } capabilities
settings-caps-docker = o conjunto padrão do Docker
settings-caps-added = a mais: { $caps }
settings-caps-removed = { $n } das do Docker retiradas

## O tour da primeira execução, uma página por vista.

tour-title = Tour: { $view }
tour-syscalls-title = 1 Syscalls
tour-syscalls = Um perfil seccomp decide, para cada syscall, se ela roda, falha com um errno ou mata o processo. À esquerda, as categorias; no meio, as syscalls delas; à direita, o que uma faz e qual regra decide. a libera, d nega, x mata, - volta ao padrão; / busca.
tour-bpf-title = 2 BPF
tour-bpf = O programa que o kernel vai rodar para este rascunho, recompilado a cada edição. A syscall selecionada na vista 1 é acompanhada; e explica qualquer chamada digitada, v alterna entre desmontagem, PFC e JSON.
tour-run-title = 3 Executar
tour-run = Teste um comando sob o rascunho: Enter edita a linha de comando, Enter de novo a executa. Cada bloqueio aparece com a regra que decidiu; a o libera, R grava do que um comando precisa.
tour-lint-title = 4 Lint
tour-lint = Prováveis erros e brechas, como uma syscall negada cuja irmã ainda faz o mesmo serviço. Enter vai até a regra, f aplica a correção (u a desfaz).
tour-settings-title = 5 Perfil
tour-settings = A ação padrão e o errno, as arquiteturas, as flags e o alvo para o qual o perfil é avaliado (arquitetura, kernel, runtime, capabilities).

## O painel de detalhes da vista 1 (resumos e motivos de risco vêm do catálogo).

detail-risk = Risco:
detail-gets = Recebe:
detail-from-default = a ação padrão
detail-conditional = regras de argumentos podem decidir diferente
detail-siblings = Irmãs:
detail-same = igual
detail-siblings-warning = Syscalls irmãs fazem o mesmo serviço: uma que recebe outra coisa pode servir para contornar esta.
detail-no-rule = Nenhuma regra cita esta syscall.
detail-rules = Regras:
detail-active = ativa
detail-inactive = inativa neste alvo ({ $why })
detail-manual = ── manual ──
detail-man-loading = (carregando a página do man…)

## Vista 3: bloqueios e o cabeçalho.

run-stop = Bloqueio
run-stop-last-call = { $name } (última chamada)
run-stops-enforce = Bloqueios: não relatados no modo aplicado
run-stops-count = Bloqueios: { $syscalls ->
    [one] { $syscalls } syscall
   *[other] { $syscalls } syscalls
}, { $calls ->
    [one] { $calls } chamada
   *[other] { $calls } chamadas
}
run-recording-title = Gravando: { $n } syscalls usadas
run-empty-enforce = O modo aplicado roda o filtro exato; mude para o modo observado (E) para ver os bloqueios.
run-empty-record = Tudo passa e é anotado; a proposta vem quando o comando terminar.
run-no-stops = Nenhum bloqueio.
run-no-stops-yet = Nenhum bloqueio ainda.
run-decided-by-rule = Decidido pela regra em { $place }
run-decided-by-default = Decidido pela ação padrão
run-editing = Editando o comando: enter executa · esc deixa como está · cima/baixo: histórico
run-idle-host = Roda no diretório de trabalho e no ambiente do editor, sob o rascunho.
run-idle-container = Roda no container, sob o rascunho, pelo runtime OCI.
run-idle-keys = { $edit } edita · { $run } executa · { $record } grava · { $enforce } aplica
run-keys-to-command = As teclas vão para o comando; { $key } as devolve ao editor.
run-type-into-it = { $key } digita nele
run-running = Rodando `{ $command }` · { $keys } · { $key } encerra (a árvore toda)
run-finished-keys = { $again } roda de novo · { $edit } edita
run-observed-explained = Modo observado: o comando vê exatamente o que o perfil faz (errno, SIGSYS); o seccompose só observa e lista cada bloqueio.
run-mode-recording = gravando
run-mode-enforced = aplicado
run-mode-observed = observado
run-mode-enforce = modo aplicado
run-mode-enforce-no-notify = modo aplicado: este kernel não tem notificação para espaço de usuário
run-mode-enforce-no-trace = modo aplicado: rastrear o comando não é permitido aqui
run-mode-observe = modo observado
run-target = Alvo:
run-target-host = host (esta máquina)
run-target-container = container { $dir }
run-target-switch-container = container
run-target-switch-host = host
run-target-unavailable = sem alvo container: { $why }
run-target-ask = DIR do container (um sistema de arquivos raiz ou um bundle OCI):
run-target-ask-keys = enter: usar · esc: ficar no host

## Mais da barra de status e da vista 1.

status-running-as-root = Rodando como root: os comandos executados pelo editor também rodam como root (um usuário comum é mais seguro)
search-heading = Busca "{ $query }": { $n } encontradas

## Lint findings: their messages, help lines and fixes (Text from crates/core/src/lint).
# (ids begin with lint-)


## Reading a profile: check's diagnostics (Text from crates/core/src/profile).
# (ids begin with load-)

# Os tipos de valor JSON, como o "encontrado ..." os nomeia.
load-kind-string = uma string
load-kind-number = um número
load-kind-boolean = um booleano
load-kind-object = um objeto
load-kind-array = um array
load-kind-null = null

# A leitura do texto JSON.
load-not-utf8 = o arquivo não é UTF-8 válido: byte { $byte } no deslocamento { $offset }
load-empty-file = o arquivo está vazio: era esperado um objeto JSON com pelo menos "defaultAction"
load-byte-order-mark = o arquivo começa com uma marca de ordem de bytes UTF-8 (bytes EF BB BF), que o Docker e o runc recusam: salve-o como UTF-8 sem BOM
load-trailing-comma = JSON inválido: uma vírgula sobrando (o JSON não aceita vírgula antes do ] ou {"}"} de fechamento, e o Docker recusa): apague-a
load-invalid-json = JSON inválido: { $detail }
load-json-eof-list = o arquivo acaba no meio de uma lista
load-json-eof-object = o arquivo acaba no meio de um objeto
load-json-eof-string = o arquivo acaba no meio de uma string
load-json-eof-value = o arquivo acaba onde era esperado um valor
load-json-expected-colon = era esperado `:`
load-json-expected-comma-list = era esperado `,` ou `]`
load-json-expected-comma-object = era esperado `,` ou `{"}"}`
load-json-expected-value = era esperado um valor
load-json-key-not-string = a chave precisa ser uma string
load-json-trailing-characters = há caracteres depois do fim do valor
load-json-invalid-number = número inválido
load-json-invalid-escape = sequência de escape inválida
load-no-json-value = o arquivo não contém nenhum valor JSON

# Os campos do perfil.
load-not-a-profile = o documento é { $found }, mas um perfil seccomp é um objeto JSON com "defaultAction"
load-duplicate-key = chave "{ $key }" repetida em { $path }: vale a última
load-unknown-key = chave desconhecida "{ $name }" em { $path }: você quis dizer "{ $close }"? (mantida como campo desconhecido)
load-not-object = { $path } precisa ser um objeto, mas é { $found }
load-not-string = { $path } precisa ser uma string, mas é { $found }
load-not-array = { $path } precisa ser um array, mas é { $found }
load-not-u64 = { $path } precisa ser um inteiro de 64 bits sem sinal, mas é { $value }
load-not-unsigned = { $path } precisa ser um inteiro sem sinal, mas é { $found }
load-missing-key = falta "{ $key }" em { $path }
load-unknown-errno = { $path } é "{ $name }", que não é nome de errno (como EPERM ou ENOSYS)
load-unknown-errno-close = { $path } é "{ $name }", que não é nome de errno; você quis dizer "{ $close }"?
load-unknown-action = ação desconhecida "{ $name }" em { $path }; as ações válidas são: { $valid }
load-unknown-arch = arquitetura desconhecida "{ $name }" em { $path }; as arquiteturas válidas são: { $valid }
load-unknown-flag = flag desconhecida "{ $name }" em { $path }; as flags válidas são: { $valid }
load-arches-and-arch-map = "architectures" e "archMap" não podem ser usados juntos (o Docker recusa o perfil)
load-no-default-action = falta "defaultAction": todo perfil precisa da ação para as syscalls que nenhuma regra pega
load-errno-mismatch = defaultErrno "{ $name }" não bate com defaultErrnoRet { $ret }; o runc usa o defaultErrnoRet
load-name-and-names = { $path } tem "name" e "names" ao mesmo tempo; use só um (o Docker recusa os dois juntos)
load-unknown-syscall = syscall desconhecida "{ $name }" em { $path }: nenhuma arquitetura a tem, então o runc pula o nome (só uma linha de log de debug, sem erro) e a regra não faz nada por ela
load-unknown-syscall-close = syscall desconhecida "{ $name }" em { $path }: nenhuma arquitetura a tem, então o runc pula o nome (só uma linha de log de debug, sem erro) e a regra não faz nada por ela; você quis dizer "{ $close }"?
load-arg-index = { $path } é { $index }, mas as syscalls têm os argumentos 0..5
load-unknown-operator = operador desconhecido "{ $name }" em { $path }; os operadores válidos são: { $valid }
load-value-two-ignored = { $path }.valueTwo é ignorado por { $op }; só o SCMP_CMP_MASKED_EQ o usa
load-unknown-capability = capability desconhecida "{ $name }" em { $path }; ela nunca casa
load-not-kernel-version = { $path } é "{ $value }", que não é uma versão de kernel como "5.8"

# O que o runc faz das regras e dos valores de errno.
load-errno-ignored = { $path }.errnoRet não tem efeito em { $action }; só SCMP_ACT_ERRNO e SCMP_ACT_TRACE o usam
load-default-action-rule = { $path } tem a ação padrão { $action }, então não acrescenta nada
load-empty-rule = { $path } não cita nenhuma syscall, então não tem efeito
load-arch-never-matches = a arquitetura "{ $name }" em { $path } nunca casa; o runc compara nomes do Go, como { $names }
load-arch-never-matches-write = a arquitetura "{ $name }" em { $path } nunca casa; o runc compara nomes do Go, então escreva "{ $go }"
load-errno-wraps-to = o runc guarda só os 16 bits de baixo, então ele vira { $data }
load-errno-wraps-to-zero = o runc guarda só os 16 bits de baixo, então ele vira 0 (ERRNO(0): a chamada não roda, mas informa sucesso)
load-errno-wrapped = { $what } é { $value }: { $wrap }
load-errno-refused = { $what } é { $value }: a libseccomp recusa valores de errno acima de { $max }, então o runc não consegue carregar este perfil e o container não sobe
load-errno-wrapped-and-refused = { $what } é { $value }: { $wrap }, e a libseccomp recusa valores de errno acima de { $max }, então o runc não consegue carregar este perfil e o container não sobe

# Os outros formatos de arquivo, e o backup de um arquivo que não carrega.
load-backup-available = { $backup } guarda uma versão anterior completa, que é lida sem erros (um salvamento pode ter sido interrompido): `cp '{ $backup }' '{ $file }'` a traz de volta
load-systemd-not-read = as configurações de unit do systemd podem ser escritas, mas não lidas: converta a partir do perfil JSON
load-oci-not-object = uma configuração de runtime OCI é um objeto JSON
load-oci-no-linux = esta configuração de runtime não tem o objeto "linux", então não tem perfil seccomp
load-oci-linux-not-object = "linux" não é um objeto
load-oci-no-seccomp = "linux" não tem o objeto "seccomp": o container roda sem perfil seccomp
load-spo-none = nenhum manifesto SeccompProfile (kind: SeccompProfile) no arquivo
load-spo-no-such-name = nenhum SeccompProfile com o nome "{ $name }"; o arquivo tem: { $names }
load-spo-api-version = a apiVersion "{ $api }" não é a do Security Profiles Operator ({ $expected })
load-spo-no-spec = o SeccompProfile "{ $name }" não tem spec
load-spo-base-profile = baseProfileName: o operator acrescenta as regras do perfil base quando instala este; aqui só as regras deste spec são lidas
load-invalid-yaml = YAML inválido: { $detail }
load-yaml-key-not-string = uma chave de mapeamento não é uma string simples
load-yaml-node-unreadable = este nó YAML (um alias ou um valor ruim) não pode ser lido aqui

# A compilação: nomes que o runtime pula, arquiteturas que a libseccomp não monta.
load-skipped = { $path }: a libseccomp { $libseccomp } do { $runtime } não resolve "{ $name }", então o { $runtime } a pula
load-skipped-known-since = { $path }: a libseccomp { $libseccomp } do { $runtime } não resolve "{ $name }", então o { $runtime } a pula; a libseccomp { $since } e as mais novas a conhecem
load-compile-unknown-syscall = { $path }: a syscall desconhecida "{ $name }" é pulada, como o runc a pula
load-compile-arch-left-out = a libseccomp não consegue montar filtros para { $arch }; ela fica de fora

# Onde o check e o editor os mostram.
load-cannot-read = não foi possível ler o arquivo: { $error }
load-loaded-with = Carregado com { $n ->
        [one] 1 aviso
       *[other] { $n } avisos
    }; o primeiro em { $line }:{ $col }: { $message }
load-not-opened-title = Não foi possível abrir o perfil
load-not-opened = { $file } não pôde ser aberto; nada nele foi mudado.
load-not-opened-fix = Corrija o arquivo (o seccompose check mostra o mesmo) e abra de novo. Aperte qualquer tecla para sair.

# Entradas que nem chegam a ser lidas.
load-input-not-a-file = é { $what }, não um arquivo (o seccompose lê arquivos comuns e pipes)
load-input-folder = uma pasta
load-input-char-device = um dispositivo de caractere
load-input-block-device = um dispositivo de bloco
load-input-socket = um socket
load-input-too-large = é maior que { $mib } MiB, grande demais para um perfil seccomp

# fmt: o que ele diz de cada arquivo.
load-fmt-not-canonical = não está na forma canônica (rode `seccompose fmt` nele)
load-fmt-formatted = formatado
load-fmt-read-only = { $error }; `fmt --force` o substitui
load-fmt-reading = lendo { $file }
load-fmt-writing = escrevendo { $file }


## The command line: its messages, --help, doctor, usage and explain's words.
# (ids begin with cli-)


## The editor, more: view 2's header, the rule form, proposals, replay, stops and edits.
# (ids begin with ed-)
