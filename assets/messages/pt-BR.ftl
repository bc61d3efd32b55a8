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

## A página de manual quando o sistema não tem nenhuma (palavras do catálogo; a página em si é do man).

man-not-installed = Nenhuma página de manual de { $name } está instalada neste sistema.
    Instale as páginas de manual do Linux para lê-la aqui (Debian/Ubuntu: apt install manpages-dev;
    Fedora: dnf install man-pages). Algumas também existem em português: apt install manpages-pt-br-dev.
man-unknown = Nenhuma syscall chamada { $name } é conhecida.

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
# (and edit- for the edit labels, from crates/core/src/profile/edit.rs)

# Lists and joints: `a, b and c` and a finding's text around another one's.
lint-list = { $init } e { $last }
lint-list-one = { $item }
lint-list-comma = { $first }, { $next }
lint-and-then = { $first }, { $then }
lint-and-absent = { $message }{ $absent }
lint-on-arch = { $message } (em { $arch })
lint-diagnostic = { $text }
lint-help-line = ajuda: { $help }

# What each kind of finding means (view 4, SARIF's rule table).
lint-about-incomplete-block = Uma syscall é negada (por uma regra, ou numa allowlist pela ação padrão, por não estar na lista) enquanto uma irmã que faz o mesmo trabalho continua permitida, e os programas (ou a sua biblioteca C) chegam ao mesmo efeito pela irmã: o clássico "bloqueou chmod, mas o coreutils chama fchmodat". ENOSYS, chamadas obsoletas e irmãs que o alvo não pode usar ficam de fora.
lint-about-enosys-fallback = Uma regra faz uma syscall falhar com ENOSYS, o que diz aos programas que a chamada não existe, e eles recorrem a uma irmã que está permitida; tudo bem quando desviar para ela é a intenção.
lint-about-dangerous-allow = Uma syscall de alto risco é permitida sem condição de argumento. Quando o kernel só deixa quem tem uma capability causar dano com ela, isto é uma nota se o alvo não tem essa capability.
lint-about-no-op-profile = A ação padrão permite e nenhuma regra barra nada: o filtro não filtra coisa alguma.
lint-about-exec-blocked = Os runtimes carregam o filtro e depois fazem execve do programa do contêiner, então um perfil que bloqueia execve impede qualquer contêiner de iniciar.
lint-about-startup-missing = Um perfil que nega por padrão não permite chamadas que todo programa com ligação dinâmica faz antes do main (carregar suas bibliotecas, preparar a memória e o estado das threads), e o programa morre ao iniciar.
lint-about-default-kill = A ação padrão mata: uma syscall trazida por um kernel ou uma biblioteca C mais nova, que os programas testam e da qual desistem ao receber ENOSYS, mata o programa em vez disso.
lint-about-shadowed-rule = Uma regra nunca decide algumas das suas syscalls porque outra regra as decide antes (vence a primeira regra sem condições de argumento).
lint-about-duplicate-name = Uma syscall aparece de novo onde outra regra, ou a mesma, já lhe dá a mesma ação; a repetição não acrescenta nada.
lint-about-conflicting-rules = Duas regras testam uma syscall com as mesmas condições, mas com ações diferentes: a libseccomp recusa o filtro, e o contêiner não inicia.
lint-about-pointer-argument = Uma condição compara um argumento que é ponteiro: o filtro vê só o endereço, nunca os dados para os quais ele aponta.
lint-about-missing-argument = Uma condição testa um argumento que a syscall não recebe; o registrador contém o que quer que o chamador tenha deixado ali.
lint-about-repeated-argument = Várias condições sobre o mesmo índice de argumento numa regra: o runc transforma cada uma numa regra separada, e elas valem como OU em vez de E.
lint-about-sign-extension = Uma condição compara um argumento int com um valor negativo ou maior ou igual a 2^31 (AT_FDCWD, -1): os chamadores passam esses valores estendidos com sinal para 64 bits ou não, conforme a biblioteca C e o compilador, então uma comparação exata deixa escapar uma das duas formas.
lint-about-high-bits-32 = Uma comparação usa bits acima dos 32 baixos num perfil que inclui uma arquitetura de 32 bits: ali a libseccomp compila só a palavra baixa, os bits altos são ignorados e o teste passa a significar outra coisa.
lint-about-twin-open = Uma regra cobre uma syscall nas arquiteturas de 64 bits enquanto o filtro também aceita uma ABI de 32 bits (ou x32) em que a gêmea dessa chamada (chown32, fcntl64, ...) continua permitida.
lint-about-multiplexer-bypass = Regras de argumentos sobre chamadas de socket ou de IPC do System V são contornadas nas arquiteturas de 32 bits em que o multiplexador socketcall ou ipc é permitido: ele chega às mesmas chamadas com argumentos que o filtro não enxerga.
lint-about-clone3-open = clone3 é permitida num perfil que filtra as flags de clone: as flags de clone3 ficam na memória, que o filtro não consegue ler, então ela cria tudo o que clone foi impedida de criar.
lint-about-kill-thread = SCMP_ACT_KILL mata só a thread que fez a chamada; o resto do processo continua.
lint-about-notify-without-listener = SCMP_ACT_NOTIFY sem listenerPath: o runc se recusa a iniciar o contêiner.
lint-about-errno-zero = Um errno 0 faz a chamada retornar 0 sem que o kernel tenha feito nada.
lint-about-not-on-arch = Uma regra cita uma syscall que nenhuma das arquiteturas do filtro tem, e o runc a ignora.
lint-about-runtime-unknown-name = Uma regra cita uma syscall que a libseccomp do runtime alvo não consegue resolver: o runc e o crun ignoram o nome, a regra não vale para ela e a chamada recebe o stub -ENOSYS do runc ou a ação padrão.
lint-about-enosys-stub = O runc põe antes do filtro um stub que responde ENOSYS a todo número de syscall acima do maior que o perfil cita, e os programas desistem das chamadas mais novas que o perfil em vez de dar com a ação padrão.
lint-about-arch-never-matches = includes/excludes citam uma arquitetura numa grafia que o runc nunca reconhece (ele compara os nomes do Go, como amd64 e 386).
lint-about-default-action-rule = Uma regra tem a ação padrão: o runc a ignora e ela não acrescenta nada.
lint-about-empty-rule = Uma regra não cita nenhuma syscall.
lint-about-unknown-syscall = Uma regra cita uma syscall que nenhuma arquitetura tem: o runc ignora um nome que a sua libseccomp não consegue resolver (registra uma linha de debug e segue em frente), e a regra não faz nada para ela, sem aviso.
lint-about-errno-ignored = errnoRet numa ação que não o usa.
lint-about-errno-out-of-range = Um errno fora do que o runc guarda: ele guarda só os 16 bits baixos, e a chamada recebe outro errno.
lint-about-errno-refused = Um errno que a libseccomp recusa (acima de 4094 depois que o runc guarda os 16 bits baixos): o runc não consegue carregar o perfil, e o contêiner não inicia.
lint-about-errno-mismatch = defaultErrno e defaultErrnoRet não concordam.
lint-about-value-two-ignored = valueTwo num operador que não é SCMP_CMP_MASKED_EQ não tem efeito.
lint-about-unknown-capability = Um nome de capability que o runc não conhece nunca casa.
lint-about-unknown-key = Uma chave que o runc não conhece é ignorada.
lint-about-duplicate-key = Uma chave dada duas vezes: o runc lê só a última.
lint-about-translation = O filtro compilado retorna outra coisa que não o que o perfil quer dizer para uma chamada concreta (as comparações da libseccomp só na palavra baixa nas ABIs de 32 bits, faixas com OU fora de ordem).
lint-about-filter-too-long = O filtro precisa de mais instruções do que o kernel aceita (4.096): o runc não consegue carregá-lo, e o contêiner não inicia.
lint-about-backup-available = O arquivo não carrega, mas o seu backup (FILE~, gravado antes de salvar no lugar) guarda uma versão anterior que carrega: um salvamento pode ter sido interrompido.
lint-about-invalid = O Docker rejeita o perfil até que isto seja corrigido.

# The findings, their help lines and their fixes.
lint-enosys-fallback = { $path } faz { $blocked } falhar com ENOSYS, o que diz aos programas que a chamada não existe, e eles recorrem a outras chamadas para o mesmo trabalho: { $allowed } { $n ->
    [one] é permitida
   *[other] são permitidas
} por { $places }
lint-enosys-fallback-help = nada a fazer se desviar os programas para essas chamadas é a intenção (como o Docker faz com clone3); senão, bloqueie-as também
lint-incomplete-block = { $path } bloqueia { $blocked } com { $action }, mas { $allowed } { $n ->
    [one] faz
   *[other] fazem
} o mesmo trabalho ({ $families_n ->
    [one] família
   *[other] famílias
} { $families }) e { $n ->
    [one] é permitida
   *[other] são permitidas
} por { $places }
lint-not-even-exist = ; { $names } nem { $n ->
    [one] existe
   *[other] existem
} em { $arches }
lint-incomplete-block-help = bloqueie { $allowed } também: { $n ->
    [one] acrescente-a
   *[other] acrescente-as
} a { $path }.names
lint-incomplete-block-help-allowing = bloqueie { $allowed } também: { $n ->
    [one] acrescente-a
   *[other] acrescente-as
} a { $path }.names e { $n ->
    [one] tire-a
   *[other] tire-as
} de { $rules }
lint-fix-deny-with = negar { $names } com { $action }
lint-fix-block-with = bloquear { $names } com { $action }
lint-dangerous-allow = { $path } permite { $name } sem condição de argumento; é de alto risco: { $reason }
lint-dangerous-allow-gated = { $path } permite { $name } ({ $gate }) sem condição de argumento; é de alto risco: { $reason }
lint-dangerous-allow-no-cap = { $path } permite { $name } (ela precisa de { $cap } para causar dano, e o alvo não tem essa capability) sem condição de argumento; é de alto risco: { $reason }
lint-gate-caps = só com { $caps }
lint-gate-kernel = só no kernel { $kernel } ou mais novo
lint-gate-caps-kernel = só com { $caps } no kernel { $kernel } ou mais novo
lint-dangerous-allow-help = permita { $name } só se a carga de trabalho precisar, e então com condições de argumento ou atrás de includes.caps
lint-dangerous-default = defaultAction { $action } deixa passar { $n } { $n ->
    [one] syscall de alto risco que nenhuma regra cita
   *[other] syscalls de alto risco que nenhuma regra cita
}: { $names }
lint-dangerous-default-help = negue-as numa regra com SCMP_ACT_ERRNO, ou transforme o perfil numa allowlist (defaultAction SCMP_ACT_ERRNO)
lint-no-op-profile = defaultAction é { $action } e nenhuma regra barra nada neste alvo: o perfil não filtra coisa alguma
lint-no-op-profile-help = negue o que a carga de trabalho não pode fazer, ou comece de uma allowlist como o perfil padrão do Docker
lint-exec-blocked = execve recebe { $action } de { $origin }, mas runtimes como o runc carregam o filtro antes de fazer execve do programa do contêiner, e ele não consegue iniciar
lint-exec-blocked-help = permita execve; o runtime precisa dela para iniciar o programa
lint-kill-thread = { $path } usa SCMP_ACT_KILL, que mata só a thread que fez a chamada: o resto do processo continua, talvez segurando locks que a thread morta pegou
lint-kill-thread-help = escreva SCMP_ACT_KILL_PROCESS para parar o processo inteiro, ou SCMP_ACT_KILL_THREAD se a intenção é mesmo uma só thread
lint-fix-kill-process = usar SCMP_ACT_KILL_PROCESS em { $path }
lint-notify-without-listener = { $path } usa SCMP_ACT_NOTIFY, mas o perfil não tem listenerPath: o runc se recusa a iniciar o contêiner, e um filtro carregado sem supervisor faz essas chamadas falharem com ENOSYS
lint-notify-without-listener-help = defina listenerPath como o socket do agente de seccomp, ou escolha outra ação
lint-errno-zero = { $path } faz as chamadas falharem com errno 0, então elas retornam 0: o programa acredita que a chamada deu certo, embora o kernel não tenha feito nada
lint-errno-zero-help = use um errno de verdade, como EPERM (1) ou ENOSYS (38); mantenha 0 só para fingir sucesso de propósito
lint-twin-open = { $path } bloqueia { $blocked } com { $action }, mas os programas de 32 bits em { $arches } chamam { $open } no lugar, { $n ->
    [one] que está permitida
   *[other] que estão permitidas
}
lint-twin-open-help = bloqueie { $names } também, ou tire as arquiteturas de 32 bits
lint-multiplexer-bypass = { $names } { $n ->
    [one] é filtrada
   *[other] são filtradas
} por { $path } e pelas regras seguintes, mas em { $arches } { $mux } é permitida e { $n ->
    [one] chega a ela
   *[other] chega a elas
} com os argumentos na memória, que o filtro não enxerga
lint-multiplexer-bypass-help = negue { $mux } (as bibliotecas C recorrem às chamadas diretas), ou tire as arquiteturas de 32 bits
lint-high-bits = { $path } compara o argumento { $index } de { $names } com { $value }, que tem bits acima dos 32 baixos, e o filtro cobre { $arches }: nas ABIs de 32 bits a libseccomp compila só a palavra baixa, então { $low }
lint-high-bits-mask = a máscara não mantém nenhum bit da palavra baixa ali, e o teste casa com qualquer chamada
lint-high-bits-tests = ali o teste compara com { $value }
lint-high-bits-help = mantenha as comparações dentro de 32 bits, ou limite o filtro às arquiteturas de 64 bits
lint-sign-extension = { $path } compara o argumento { $index } de { $names } ({ $arg }: { $ty }) com { $value }, que é { $int } como int; os chamadores o passam como { $value } ou como { $other }, conforme a biblioteca C e o compilador, então { $op } deixa escapar a outra forma
lint-sign-extension-help = compare só os 32 bits baixos: SCMP_CMP_MASKED_EQ com value (a máscara) 0xffffffff e valueTwo o valor de 32 bits
lint-fix-low-32-bits = comparar os 32 bits baixos do argumento { $index } em { $path } (MASKED_EQ 0xffffffff)
lint-siblings-left-open = negar { $denied } não basta: { $open } ainda { $n ->
    [one] faz
   *[other] fazem
} o mesmo trabalho; { $key } { $n ->
    [one] a nega
   *[other] as nega
} também
lint-fix-deny-like = negar { $names } como { $like }
lint-default-gap = { $name } é negada pela defaultAction { $action }, mas { $siblings } { $n ->
    [one] faz
   *[other] fazem
} o mesmo trabalho ({ $families_n ->
    [one] família
   *[other] famílias
} { $families }) e { $n ->
    [one] é permitida
   *[other] são permitidas
} por { $places }, então negar { $name } não impede nada que um programa não consiga fazer por { $n ->
    [one] ela
   *[other] elas
}
lint-default-gap-help = negue { $siblings } do mesmo jeito: { $n ->
    [one] tire-a
   *[other] tire-as
} de { $paths } (nada mais muda); ou permita { $name } se a carga de trabalho precisa fazer esse trabalho
lint-fix-default-gap = negar { $siblings } como { $name }: { $n ->
    [one] tirá-la
   *[other] tirá-las
} de { $paths }
lint-not-on-arch = { $path } cita { $names }, que nenhuma das arquiteturas do filtro ({ $arches }) tem; o runc { $n ->
    [one] a ignora
   *[other] as ignora
}
lint-not-on-arch-help = cite a chamada que essas arquiteturas usam no lugar (seccompose syscalls --arch A lista todas), ou limite a regra com includes.arches
lint-fix-go-names = escrever os nomes de arquitetura do Go em { $path }
lint-pointer-argument = { $path } compara o argumento { $index } de { $names } ({ $arg }: { $ty }), que é um ponteiro: o filtro vê só o endereço, nunca os dados para os quais ele aponta
lint-pointer-argument-help = o seccomp não filtra por caminho nem por nenhum dado apontado; tire a condição e restrinja os caminhos com Landlock, AppArmor/SELinux ou montagens
lint-missing-argument = { $path } testa o argumento { $index } (contando a partir de 0), mas { $takes }: o registrador contém o que quer que o chamador tenha deixado ali
lint-takes-arguments = { $name } { $n ->
    [0] não recebe argumentos
   *[other] recebe { $n }
}
lint-missing-argument-help = confira o índice com a assinatura (seccompose man { $name })
lint-repeated-argument = { $path } tem várias condições sobre { $args }; o runc transforma cada uma numa regra separada, e elas valem como OU (basta uma ser verdadeira) em vez de E
lint-argument-named = o argumento { $index } ({ $name })
lint-repeated-argument-help = para exigir todas, junte-as num só SCMP_CMP_MASKED_EQ ou divida a faixa entre regras; se OU é a intenção, escreva uma regra por condição
lint-shadowed-default = { $path } dá a { $names } a ação padrão { $mine }, que o runc ignora, então { $n ->
    [one] ela continua
   *[other] elas continuam
} com { $theirs } de { $other }
lint-shadowed-default-help = tire { $names } de { $other } para { $n ->
    [one] deixá-la
   *[other] deixá-las
} com a ação padrão
lint-names-again = { $path } cita { $names } de novo: { $other } já { $n ->
    [one] lhe dá
   *[other] lhes dá
} { $theirs } sem condição
lint-conditions-add-nothing = as condições de argumento de { $path } não acrescentam nada para { $names }: { $other } já { $n ->
    [one] lhe dá
   *[other] lhes dá
} { $theirs } sem condição
lint-remove-from = tirar { $names } de { $path }
lint-remove-from-help = tire { $names } de { $path }
lint-shadowed-rule = { $path } dá { $mine } a { $names }, mas a regra anterior { $other } { $n ->
    [one] lhe dá
   *[other] lhes dá
} { $theirs }; vence a primeira regra sem condições de argumento, então esta nunca vale para { $n ->
    [one] ela
   *[other] elas
}
lint-shadowed-rule-help = tire { $names } de { $other } se a intenção é { $mine }; senão, de { $path }
lint-shadowed-conditions = as condições de argumento de { $path } nunca valem para { $names }: { $other } { $n ->
    [one] lhe dá
   *[other] lhes dá
} { $theirs } sem condição, o que passa por cima das regras condicionais
lint-shadowed-conditions-help = tire { $names } de { $other } para que as condições decidam, ou de { $path }
lint-listed-twice = { $path }.names lista { $names } mais de uma vez
lint-remove-repeats = tire as repetições
lint-fix-list-once = listar { $names } uma só vez em { $path }
lint-repeats-condition = { $path } repete uma condição de { $earlier } para { $names }, com a mesma ação
lint-conflicting-rules = { $earlier } e { $path } testam { $names } com as mesmas condições, mas com ações diferentes ({ $first } e { $second }): a libseccomp recusa o filtro, e o contêiner não inicia
lint-conflicting-rules-help = mantenha { $names } em só uma das duas regras
lint-runtime-unknown-name = { $path } cita { $names }, que a libseccomp { $libseccomp } do { $runtime } não consegue resolver: o { $runtime } { $n ->
    [one] a ignora, e a regra não vale para ela
   *[other] as ignora, e a regra não vale para elas
}
lint-runtime-unknown-name-newer = { $path } cita { $names }, que a libseccomp { $libseccomp } do { $runtime } não consegue resolver (a libseccomp conhece { $newer }): o { $runtime } { $n ->
    [one] a ignora, e a regra não vale para ela
   *[other] as ignora, e a regra não vale para elas
}
lint-known-from = { $name } a partir da { $version }
lint-runtime-unknown-name-help = rode o perfil onde a libseccomp do runtime seja nova o bastante, ou avalie-o para esse host com --libseccomp X.Y.Z
lint-enosys-stub = sob o runc, as syscalls mais novas que o nome mais novo do perfil recebem ENOSYS do stub do runc, não a ação padrão: { $limits }
lint-stub-from = a partir de { $first } em { $arch } (acima de { $name }, { $nr })
lint-enosys-stub-help = os programas desistem ao receber ENOSYS; cite uma chamada mais nova no perfil para mover o limite
lint-startup-missing = defaultAction { $action } barra { $names }, que todo programa com ligação dinâmica chama antes do main (ao carregar suas bibliotecas, preparar a memória) ou para sair, e nenhuma regra { $n ->
    [one] a permite
   *[other] as permite
}: os programas morrem ao iniciar
lint-allow = permitir { $names }
lint-allow-help = permita { $names }
lint-default-kill = defaultAction { $action } mata o programa em qualquer chamada que nenhuma regra permite, inclusive as que um kernel ou uma biblioteca C mais nova acrescenta e testa (a glibc tenta clone3, rseq, close_range, faccessat2 e recua quando elas falham com ENOSYS)
lint-default-kill-help = troque a defaultAction por SCMP_ACT_ERRNO com defaultErrnoRet 38 (ENOSYS), e mate só as chamadas que nunca podem acontecer, em regras
lint-fix-default-enosys = trocar a defaultAction por SCMP_ACT_ERRNO com ENOSYS
lint-clone3-open = { $path } testa as flags de clone, mas clone3 recebe { $action } de { $origin }: as flags dela ficam numa struct na memória, que o filtro não consegue ler, então clone3 cria o que clone não pode
lint-clone3-open-help = faça clone3 falhar com ENOSYS (como faz o perfil padrão do Docker): as bibliotecas C então recorrem a clone
lint-fix-clone3-enosys = fazer clone3 falhar com ENOSYS
lint-filter-too-long-help = compare menos valores (um MASKED_EQ ou uma faixa cobre muitos), ou divida o trabalho entre menos syscalls
lint-translation-help = o kernel vai fazer o que o filtro diz: mude a regra (um MASKED_EQ nos 32 bits baixos, faixas que não se sobrepõem) até que `seccompose compile` não aponte diferença

# check's diagnostics: the hint lint adds to each.
lint-help-duplicate-key = mantenha uma das chaves; o runc lê só a última
lint-help-unknown-key = corrija a grafia: o runc ignora as chaves que não conhece
lint-help-errno-range = use um errno abaixo de 4095, como EPERM (1) ou ENOSYS (38)
lint-help-errno-mismatch = faça defaultErrno e defaultErrnoRet concordarem, ou tire defaultErrno
lint-help-value-two-ignored = tire valueTwo, ou use SCMP_CMP_MASKED_EQ se a intenção era uma máscara
lint-help-unknown-capability = escreva a capability como um nome CAP_*, como CAP_SYS_ADMIN
lint-help-go-names = use os nomes do Go que o runc compara: amd64, 386, arm64, arm, ...
lint-help-errno-ignored = tire errnoRet, ou use SCMP_ACT_ERRNO se a chamada deve falhar com ele
lint-help-default-action-rule = tire a regra, ou dê a ela uma ação diferente da ação padrão
lint-help-empty-rule = acrescente os nomes das syscalls a que ela se destina, ou tire-a
lint-help-unknown-syscall = corrija a grafia: o runc ignora um nome que a sua libseccomp não consegue resolver, e a regra não faz nada para ele, sem aviso
lint-help-see-check = veja `seccompose check`
lint-help-invalid = o Docker rejeita o perfil até que isto seja corrigido
lint-fix-remove-rule = tirar { $path }
lint-fix-drop-errno-ret = tirar errnoRet de { $path }

# View 4 and lint --fix's report.
lint-key-fix = { $key } corrige: { $fix }
lint-key-go-to = { $key } vai para { $name }
lint-help-label = Ajuda:
lint-still-looking = O lint ainda está olhando a última edição
lint-no-fix = Sem correção automática para { $id }: { $help }
lint-names-no-syscall = Este apontamento não cita nenhuma syscall
lint-report-nothing-to-fix = { $file }: nada a corrigir
lint-report-fixed = { $file }: corrigido[{ $id }]: { $fix }
lint-report-would-fix = { $file }: corrigiria[{ $id }]: { $fix }

# Edit labels: what an edit does, for undo/redo and the status line.
edit-done = Feito: { $edit }
edit-set-action = colocar { $name } em { $action }
edit-set-action-default = devolver { $name } à ação padrão
edit-set-actions = colocar { $n } syscalls em { $action }
edit-set-actions-default = devolver { $n } syscalls à ação padrão
edit-set-conditions = mudar as condições de { $name }
edit-add-rule = acrescentar uma regra
edit-remove-rule = tirar a regra { $index }
edit-change-rule = mudar a regra { $index }
edit-set-default = trocar a ação padrão por { $action }
edit-set-architectures = mudar as arquiteturas
edit-set-arch-map = mudar o mapa de arquiteturas
edit-set-flags = mudar as flags
edit-replace-all = substituir o perfil inteiro
edit-allow-recorded = permitir as chamadas gravadas de { $n } { $n ->
    [one] syscall
   *[other] syscalls
}


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
load-compile-unknown-syscall = { $path }: a syscall desconhecida "{ $name }" é pulada, como o runc a pula
load-compile-arch-left-out = a libseccomp não consegue montar filtros para { $arch }; ela fica de fora

# Onde o check e o editor os mostram.
load-cannot-read = não foi possível ler o arquivo: { $error }
load-loaded-with = Carregado com { $n ->
        [one] 1 aviso
       *[other] { $n } avisos
    }; o primeiro em { $line }:{ $col }: { $message }

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

# --help: os títulos e as flags do clap, depois o about de cada comando e a ajuda dos seus
# argumentos.
cli-heading-usage = Uso:
cli-heading-options = Opções
cli-heading-arguments = Argumentos
cli-heading-commands = Comandos
cli-heading-command-name = COMANDO
cli-flag-help = Mostra a ajuda
cli-flag-help-more = Mostra a ajuda (veja mais com '--help')
cli-flag-help-summary = Mostra a ajuda (veja um resumo com '-h')
cli-flag-version = Mostra a versão
cli-about-help = Mostra esta mensagem ou a ajuda dos subcomandos dados
cli-about-seccompose = Um editor interativo e um kit de ferramentas para perfis seccomp do Linux (JSON do Docker/OCI)
cli-help-seccompose-file = Perfil a abrir no editor (padrão: o perfil padrão embutido): JSON do Docker/OCI, um config.json de runtime OCI ou um manifesto do SPO; ele é salvo de volta no próprio formato
cli-help-seccompose-new = Começa a partir deste perfil inicial (`--new list` lista os que há); FILE, se dado, ainda não pode existir e é onde o perfil será salvo
cli-help-seccompose-name = Num arquivo de manifesto com vários SeccompProfiles, qual abrir (metadata.name)
cli-help-lang = O idioma das mensagens, do --help, das lições e dos textos do catálogo (en, pt-BR; padrão: LC_ALL, LC_MESSAGES ou LANG, senão inglês); JSON, SARIF e BPF nunca mudam
cli-help-file = O perfil
cli-help-json = Imprime JSON
cli-help-output = Escreve neste arquivo em vez da saída padrão
cli-help-format = Formato da saída
cli-help-arches = A arquitetura nativa da máquina (padrão: esta); repita para cobrir várias
cli-help-caps = Acrescenta uma capability ao conjunto padrão do Docker (CAP_SYS_ADMIN ou sys_admin); pode ser repetida
cli-help-kernel = Versão do kernel com que o `minKernel` é comparado (padrão: o kernel em execução)
cli-help-runtime = O runtime que carrega o perfil: runc (Docker, containerd, Kubernetes; acrescenta o seu stub de -ENOSYS; o padrão), crun (podman), none (bwrap, systemd, o seccomp() do próprio programa); com `run --container`, o programa que executa o contêiner (runc, crun ou o caminho dele; padrão: runc, senão crun)
cli-help-libseccomp = A versão da libseccomp do runtime (padrão: a desta máquina); nomes que ela não resolve são pulados pelo runc e pelo crun
cli-help-no-cache = Compila o perfil mesmo quando o cache já tem o filtro dele (o cache fica na pasta de cache do usuário: `seccompose doctor` diz onde)
cli-help-container = Executa o comando num contêiner feito de DIR: um bundle OCI (config.json ao lado do seu rootfs; só uma cópia privada é alterada) ou um sistema de arquivos raiz puro
cli-help-no-new-privileges = Com um sistema de arquivos raiz puro: liga o noNewPrivileges (o Docker o deixa desligado)
cli-help-workdir = Com um sistema de arquivos raiz puro: o diretório de trabalho no contêiner (padrão /)
cli-help-command = O comando e seus argumentos
cli-about-check = Valida perfis; imprime diagnósticos FILE:LINE:COL; sai com 1 se houver erros
cli-help-check-files = Perfis a validar
cli-about-fmt = Reescreve perfis na forma canônica, mantendo o significado, a ordem e os campos desconhecidos
cli-help-fmt-check = Só aponta os arquivos que não estão na forma canônica (sai com 1 se houver algum)
cli-help-fmt-stdout = Imprime o texto canônico em vez de reescrever o arquivo
cli-help-fmt-no-backup = Não guarda a versão anterior como FILE~
cli-help-fmt-force = Reescreve também arquivos somente leitura (que continuam somente leitura)
cli-help-fmt-files = Perfis a formatar
cli-about-syscalls = Lista as syscalls com categoria, resumo e risco (resumos no idioma de LC_ALL, LC_MESSAGES ou LANG; o --json é sempre em inglês)
cli-help-syscalls-arch = Só as syscalls que existem nesta arquitetura (x86_64, aarch64, ...)
cli-help-syscalls-category = Só este id de categoria (files, network, ...) ou grupo (@file-system, %net)
cli-about-compile = Compila um perfil para BPF (cru, o PFC da libseccomp ou desmontagem comentada)
cli-value-compile-bpf = O vetor sock_filter cru (o que `bwrap --seccomp FD` carrega)
cli-value-compile-pfc = O pseudocódigo de filtro (PFC) da libseccomp
cli-value-compile-disasm = A desmontagem comentada do seccompose
cli-help-compile-layout = Disposição do filtro: comparações em sequência ou uma árvore binária
cli-value-compile-auto = Árvore binária acima de 8 regras, como no runc
cli-value-compile-linear = Em sequência
cli-value-compile-tree = Árvore binária
cli-about-explain = O que o filtro faz com uma chamada: a ação, as instruções percorridas, a regra que decide
cli-help-explain-syscall = O nome da syscall
cli-help-explain-args = Até seis argumentos: decimal (negativo também: -100), hexadecimal 0x ou constantes como AF_INET6, O_RDONLY|O_CLOEXEC ou AT_FDCWD
cli-help-explain-abis = A ABI em que a chamada é feita (padrão: a do host); repita para perguntar por várias
cli-help-explain-host = A arquitetura do host em que o perfil é carregado (padrão: a desta máquina)
cli-about-doctor = O que esta máquina oferece: filtros seccomp, ações, notificação ao espaço de usuário, libseccomp, páginas do man; sai com 0 quando há tudo de que o editor precisa
cli-about-agent = Serve um socket unix como o agente seccomp do rascunho para qualquer runtime que se conecte (runc sob o Docker, crun sob o podman): cada bloqueio é respondido como o rascunho faria e impresso na hora, até Ctrl-c. -o escreve o perfil a entregar ao engine
cli-help-agent-file = O perfil (o rascunho)
cli-help-agent-socket = O socket unix a servir; o perfil reescrito o indica como seu listenerPath
cli-help-agent-output = Escreve aqui o perfil a entregar ao engine: o rascunho reescrito para o modo observado, com o listenerPath apontando para o socket (um arquivo existente é guardado como FILE~)
cli-about-usage = As linhas exatas que aplicam o perfil: Docker, podman, Kubernetes (Localhost e o operator), systemd, bubblewrap com o filtro compilado
cli-help-usage-only = Só esta seção: docker, kubernetes, spo, systemd, bwrap, observe
cli-help-usage-full = Imprime também o que os comandos escrevem (o manifesto do operator, as configurações do systemd)
cli-about-learn = Lições no editor, conferidas enquanto você avança: o que é uma syscall, bloquear uma, por que isso não basta, regras de argumentos, ler o filtro, negar por padrão
cli-help-learn-lesson = A lição: o número ou o id dela (padrão: escolher no editor)
cli-help-learn-list = Imprime a lista de lições em vez disso
cli-about-diff = Compara o que dois perfis fazem (por syscall: ação, errno, condições de argumentos como o runc as lê), não o texto deles; sai com 0 quando fazem o mesmo, 1 quando não, 2 em caso de problema
cli-help-diff-a = O primeiro perfil
cli-help-diff-b = O segundo perfil
cli-about-lint = Encontra prováveis erros e brechas (syscalls irmãs deixadas abertas, liberações arriscadas, regras que nunca se aplicam); sai com 1 se houver avisos ou erros
cli-help-lint-json = Imprime JSON (o mesmo que --format json)
cli-value-lint-text = `FILE:LINE:COL: warning[ID]: MESSAGE` e uma linha de ajuda, como um compilador
cli-value-lint-json = Um vetor de objetos
cli-value-lint-sarif = SARIF 2.1.0, para serviços de varredura de código
cli-help-lint-deny = Sai com 1 quando resta um apontamento desta gravidade ou acima
cli-value-lint-error = Só erros
cli-value-lint-warning = Avisos e erros (o padrão)
cli-value-lint-note = Qualquer apontamento
cli-help-lint-fix = Aplica todas as correções que o lint conhece e salva o arquivo (só o que as correções mudam; FILE~ guarda a versão anterior)
cli-help-lint-dry-run = Com --fix: não escreve nada, imprime o que as correções mudariam na política efetiva; sai com 1 quando mudariam algo
cli-about-run = Executa um comando sob o perfil e relata o que a política bloqueou
cli-help-run-enforce = Instala o filtro exato e relata só como o comando terminou
cli-help-run-report = Escreve também o relatório completo em JSON
cli-help-run-timeout = Encerra toda a árvore de processos depois de tantos segundos
cli-about-record = Executa um comando, anota cada syscall que ele usa e escreve um perfil que libera exatamente essas
cli-help-record-output = Onde escrever o perfil (padrão: a saída padrão)
cli-help-record-base = Acrescenta a este perfil em vez de começar do zero: regras só para as chamadas que ele bloquearia; as regras dele ficam como estão
cli-help-record-names-only = Libera cada syscall pelo nome (qualquer argumento) em vez de só os valores vistos
cli-help-record-force = Substitui OUT mesmo quando o comando falhou (a gravação pode então estar incompleta) ou OUT é somente leitura
cli-about-convert = Converte um perfil para outro formato (JSON do Docker, OCI, manifesto do SPO, configurações do systemd); sai com 1 quando a saída não consegue expressar tudo (a não ser com --lossy), 2 quando nada foi escrito
cli-help-convert-file = O perfil: JSON do Docker/OCI, um config.json de runtime OCI ou um manifesto do SPO
cli-help-convert-to = O formato a escrever
cli-help-convert-from = O formato da entrada, quando o palpite pelo nome e pelo conteúdo erra
cli-value-convert-docker = Perfil seccomp do Docker/OCI/podman (JSON)
cli-value-convert-oci = OCI: o objeto `linux.seccomp` (na leitura: um `config.json` de runtime inteiro)
cli-value-convert-spo = Manifesto `SeccompProfile` do Kubernetes Security Profiles Operator (YAML)
cli-value-convert-systemd = Configurações de unidade do systemd (SystemCallFilter=, ...); só saída
cli-help-convert-patch = Com --to oci: escreve uma cópia deste config.json de runtime com o perfil como seu linux.seccomp, todos os outros bytes inalterados
cli-help-convert-name = O metadata.name do manifesto: escolhe o perfil dentro de um arquivo de manifesto e dá nome ao manifesto escrito (padrão: o nome da entrada, ou o do arquivo)
cli-help-convert-namespace = Com --to spo: o metadata.namespace do manifesto
cli-help-convert-lossy = Sai com 0 mesmo quando o formato de saída não consegue expressar todo o perfil (o que ele não expressa é listado de qualquer forma)
cli-about-merge = A união de vários perfis, regra por regra (uma regra estreita continua estreita), mantendo as configurações do primeiro e dizendo onde os arquivos divergem
cli-help-merge-files = Os perfis; a ação padrão, as arquiteturas e as flags do primeiro são mantidas
cli-help-merge-output = Onde escrever a união (padrão: a saída padrão)
cli-help-merge-force = Substitui OUT mesmo quando é somente leitura
cli-about-completions = Imprime um script de autocompletar para um shell (bash, zsh, fish, elvish, powershell)
cli-help-completions-shell = O shell
cli-about-manpage = Imprime a página de manual do seccompose (roff, para `man -l -`), feita das mesmas definições que o --help
cli-about-man = Mostra a página de manual de uma syscall (ou a descrição do catálogo quando nenhuma está instalada)
cli-help-man-syscall = A syscall
cli-help-man-width = Quebra as linhas nesta largura (padrão: a do terminal, ou 80)

# doctor: o nome de cada verificação, o que foi encontrado e o que decorre disso, depois as
# marcas e as linhas finais.
cli-doctor-kernel-config = configuração do kernel
cli-doctor-unset = ausente
cli-doctor-kernel-config-found = { $from }: CONFIG_SECCOMP_FILTER={ $filter }, CONFIG_X86_X32_ABI={ $x32 }
cli-doctor-no-x32 = programas x32 não rodam aqui, então as seções x32 de um filtro nunca são exercitadas nesta máquina
cli-doctor-kernel-config-unreadable = nem /proc/config.gz nem /boot/config-RELEASE podem ser lidos; os testes abaixo decidem
cli-doctor-filters = filtros seccomp
cli-doctor-filters-load = um filtro carrega (este processo roda no modo seccomp { $mode })
cli-doctor-filters-fail = carregar um filtro falhou
cli-doctor-filters-consequence = nada pode ser executado sob um perfil aqui; editar, validar e compilar continuam funcionando
cli-doctor-actions = ações
cli-doctor-actions-unreadable = /proc/sys/kernel/seccomp/actions_avail não pode ser lido
cli-doctor-actions-offered = o kernel oferece: { $actions }
cli-doctor-actions-consequence = perfis que usam uma ação ausente se comportam aqui de outro jeito que num kernel mais novo
cli-doctor-notification = notificação (user notif)
cli-doctor-notification-works = um listener pode ser obtido de um filtro
cli-doctor-notification-missing = um filtro não consegue entregar um listener de notificação ao espaço de usuário
cli-doctor-notification-consequence = as execuções funcionam só no modo enforce: o comando vê a política, mas as syscalls bloqueadas não são relatadas
cli-doctor-tracing = rastreamento
cli-doctor-tracing-works = este processo pode rastrear os comandos que inicia
cli-doctor-tracing-refused-yama = o ptrace de um processo filho é recusado (ptrace_scope do Yama: { $scope })
cli-doctor-tracing-refused = o ptrace de um processo filho é recusado
cli-doctor-tracing-consequence = execuções observadas não conseguem acompanhar bloqueios TRAP e KILL, então um perfil que pode aplicar TRAP ou KILL roda só no modo enforce
cli-doctor-libseccomp = libseccomp
cli-doctor-libseccomp-version = { $version }, nível de API { $api }
cli-doctor-libseccomp-error = não foi possível perguntar a versão dela: { $error }
cli-doctor-libseccomp-consequence = os perfis não podem ser compilados
cli-doctor-man = páginas do man
cli-doctor-man-installed = a seção 2 está instalada
cli-doctor-man-missing = a seção 2 não está instalada (ou falta o `man`)
cli-doctor-man-consequence = o editor mostra os resumos do catálogo em vez delas; instale manpages-dev (Debian/Ubuntu) ou man-pages (Fedora)
cli-doctor-user = usuário
cli-doctor-user-root = rodando como root
cli-doctor-user-ordinary = rodando como usuário comum
cli-doctor-user-consequence = comandos executados sob um perfil também rodam como root; teste-os como usuário comum quando puder
cli-doctor-cache = cache de compilação
cli-doctor-cache-not-yours = { $dir } não é seu, ou outros podem escrever nele: cada execução compila o filtro de novo (aponte XDG_CACHE_HOME para uma pasta sua)
cli-doctor-cache-usage = { $dir }: { $n ->
    [0] { $n } filtros compilados
    [one] { $n } filtro compilado
   *[other] { $n } filtros compilados
}, { $size } KiB (--no-cache compila de novo)
cli-doctor-cache-none = sem pasta de cache (sem pasta pessoal): cada execução compila o filtro de novo
cli-doctor-runtime = runtime de contêiner
cli-doctor-runtime-none = nenhum encontrado: run --container precisa do runc ou do crun (pacote runc no Debian)
cli-doctor-runtime-passed = { $version } ({ $path }): passou no teste do listener (entregou o descritor de arquivo de notificação e uma chamada chegou por ele): run --container pode usá-lo
cli-doctor-runtime-failed = { $version } ({ $path }): falhou no teste do listener: { $why }
cli-doctor-runtime-failed-consequence = run --container consegue aplicar o perfil com ele, mas não observar nem gravar
cli-doctor-runtime-no-version = (não informou versão)
cli-doctor-mark-ok = ok
cli-doctor-mark-warning = aviso
cli-doctor-mark-failed = FALHOU
cli-doctor-mark-note = nota
cli-doctor-usable = O seccompose tem aqui tudo de que precisa.
cli-doctor-unusable = O seccompose não consegue fazer todo o seu trabalho aqui (veja FALHOU acima).

# usage: o título e as notas de cada seção e o que o src/cli/usage.rs diz em volta deles; as
# linhas de comando não são mensagens.
cli-usage-docker = Docker e podman
cli-usage-docker-note = O runtime lê o arquivo quando o contêiner inicia: edite, salve e inicie o contêiner de novo. No docker compose: security_opt: ["seccomp=FILE"].
cli-usage-observe = Observando o rascunho sob o Docker ou o podman (seccompose agent)
cli-usage-observe-docker = Docker Engine 23.0 ou mais novo (o runtime dele: runc)
cli-usage-observe-podman = podman 4.1 ou mais novo (o runtime dele: crun, salvo configuração diferente)
cli-usage-observe-note-agent = O agente responde a cada chamada que o rascunho bloqueia como o rascunho faria e a imprime na hora; kill %1 (ou Ctrl-c em primeiro plano) o encerra: encerre antes o contêiner, pois sem o agente as chamadas que a reescrita notifica falham com ENOSYS. -o escreve a reescrita de novo a partir do rascunho salvo.
cli-usage-observe-note-engines = O Docker repassa o listenerPath ao runc a partir do Engine 23.0 (o 20.10 o descarta), o podman a partir do 4.1 (containers/common 0.48): lido nos fontes deles, não testado com um engine aqui; o agente em si é testado com o runc rodado diretamente. O runtime precisa alcançar o caminho do socket: com um engine rootless, teste antes.
cli-usage-kubernetes = Kubernetes: um perfil Localhost
cli-usage-kubernetes-note = O arquivo precisa estar em todo nó que possa rodar o pod, sob a raiz seccomp do kubelet ({ $root }); o localhostProfile é relativo a ela. O mesmo securityContext funciona num só contêiner.
cli-usage-spo = Kubernetes: o Security Profiles Operator
cli-usage-spo-cannot = O schema do operator não consegue expressar: { $what }
cli-usage-spo-note = O operator escreve o perfil em todos os nós; o pod indica o caminho que ele informa ({ $command }), { $path } na maioria das versões.
cli-usage-systemd = Um serviço do systemd
cli-usage-systemd-note = Coloque as configurações na unidade do serviço ou num drop-in (systemctl edit NAME.service) e depois reinicie-o.
cli-usage-systemd-lossy = o systemd não consegue expressar { $n ->
    [one] { $n } parte
   *[other] { $n } partes
} do perfil: os comentários no fim das configurações as listam
cli-usage-bwrap = bubblewrap, com o filtro compilado
cli-usage-bwrap-arch = O BPF é para { $arch } (com as subarquiteturas do archMap), o alvo para o qual foi compilado; o bwrap o carrega logo antes de executar COMMAND, então execve precisa estar liberada.
cli-usage-bwrap-shell = A linha é para bash ou zsh: um sh POSIX como o dash só abre os descritores de arquivo 0-9 (escreva --seccomp 9 9<FILE nele). Lá dentro o sistema de arquivos é somente leitura: use --bind numa pasta para escrever nela.
cli-usage-inlined = (o que o comando acima escreve: --full o imprime)
cli-note = nota: { $note }
cli-usage-one-arch = o usage aplica um perfil numa só máquina: dê no máximo um --arch
cli-cannot-read = não foi possível ler { $file }
cli-several-profiles = { $file } contém vários SeccompProfiles; separe um com `seccompose convert { $file } --name NAME --to docker`
cli-has-errors = { $file } tem erros; rode `seccompose check { $file }` para ver todos
cli-usage-no-section = não há seção "{ $id }"; as que há: { $ids }

# explain: as palavras em volta da chamada, da ação e das instruções; nomes, constantes e o
# BPF ficam como estão.
cli-explain-call = { $call } em { $arch } (nr { $nr }): { $action }
cli-explain-call-host = { $call } em { $arch } sob o filtro do host { $host } (nr { $nr }): { $action }
cli-explain-stub = decidido pelo stub de -ENOSYS do runc: { $nr } está acima de { $limit }, { $name }, a syscall mais nova que este perfil cita e que o runtime resolve para { $arch }
cli-explain-stub-multiplexer = decidido pelo stub de -ENOSYS do runc: a syscall { $nr } em { $arch } é o multiplexador dele
cli-explain-rule = decidido por { $rule }
cli-explain-bad-arch = decidido pela ação de arquitetura errada: o filtro não tem seção para { $arch }
cli-explain-default = decidido pela ação padrão ({ $action })
cli-explain-skipped = syscalls[{ $index }]: a libseccomp { $version } do { $runtime } não resolve "{ $name }", então o { $runtime } pula essa regra
cli-explain-skipped-since = { $skipped }; a libseccomp { $since } ou mais nova a conhece
cli-explain-not-applied = não aplicada: { $why }
cli-explain-path = caminho ({ $n ->
    [one] { $n } instrução
   *[other] { $n } instruções
}):

# run e record: as linhas do relatório, como o comando terminou, o que foi gravado.
cli-run-contained-pid = contido num namespace de PID: nenhum processo do comando sobrevive à execução
cli-run-contained-user-pid = contido num namespace de usuário + PID: nenhum processo do comando sobrevive à execução
cli-run-not-contained-foreign = sem contenção (nenhum namespace de PID é permitido aqui), e o /proc daqui pertence a outro namespace de PID: processos que o comando deixar para trás não podem ser encontrados e podem sobreviver à execução
cli-run-not-contained = sem contenção (nenhum namespace de PID é permitido aqui): processos que o comando deixar para trás são encerrados com a execução, mas sobreviveriam a um SIGKILL do seccompose
cli-run-stopped-none = a política não bloqueou nenhuma syscall
cli-run-stopped = a política bloqueou { $n ->
    [one] { $n } syscall
   *[other] { $n } syscalls
} ({ $calls ->
    [one] { $calls } chamada
   *[other] { $calls } chamadas
}):
cli-run-by-stub = stub ENOSYS do runc
cli-run-by-default = ação padrão
cli-run-first = primeira: { $call }
cli-run-the-command = o comando
cli-run-the-container-command = o comando do contêiner
cli-run-exited = { $who } saiu com status { $status }
cli-run-killed-trap = morto por { $signal }: a política aplica TRAP em { $syscall }
cli-run-killed-kill = morto por { $signal }: a política mata em { $syscall }
cli-run-killed = morto por { $signal }
cli-run-timed-out = encerrado no tempo limite (toda a árvore de processos)
cli-run-stopped-on-request = parado a pedido (toda a árvore de processos)
cli-run-not-run-denied = { $who } não foi executado: o perfil nega execve ({ $errno })
cli-run-not-run-failed = { $who } não foi executado: execve falhou ({ $errno })
cli-run-went-through = passou: { $call }
cli-run-went-through-sibling = passou: { $call }, que faz o que { $denied } { $n ->
    [one] faz
   *[other] fazem
}; o rascunho nega { $denied }, mas libera { $allowed } ({ $place })
cli-run-the-default = a ação padrão
cli-run-rule-line = linha { $line }:{ $col }
cli-run-fell-back = este kernel não consegue entregar listeners de notificação ao espaço de usuário (veja `seccompose doctor`), então o comando roda no modo enforce: ele vê exatamente o que o perfil faz, mas as syscalls bloqueadas não são relatadas
cli-run-fell-back-no-tracing = este processo não pode rastrear o comando (veja `seccompose doctor`), então ele roda no modo enforce: vê exatamente o que o perfil faz, mas as syscalls bloqueadas não são relatadas
cli-run-fell-back-foreign-proc = o /proc daqui pertence a outro namespace de PID (uma execução dentro de outra?), onde o comando não pode ser encontrado para ser observado, então ele roda no modo enforce: vê exatamente o que o perfil faz, mas as syscalls bloqueadas não são relatadas
cli-run-cannot-record = gravar precisa de notificação ao espaço de usuário, que este kernel não consegue entregar (veja `seccompose doctor`)
cli-run-cannot-record-foreign-proc = gravar precisa encontrar o comando no /proc, que aqui pertence a outro namespace de PID (uma execução dentro de outra?)
cli-record-held = a regra do rascunho ({ $place }) a bloqueia de propósito ({ $action })
cli-record-held-first = uma regra do rascunho decide antes ({ $action })
cli-record-held-compile = o rascunho com ela não compila: { $error }
cli-run-cannot-start = não foi possível executar { $why }: o comando não foi executado
cli-run-as-root = rodando como root: o comando também roda como root (teste-o como usuário comum quando puder)
cli-run-one-arch = run e record usam uma só arquitetura: a que esta máquina executa
cli-run-signal-handlers = instalando os tratadores de sinais
cli-writing = escrevendo { $file }
cli-record-unchanged = { $file } não foi alterado: o comando falhou ({ $ending }), então a gravação pode estar incompleta; --force o escreve mesmo assim
cli-record-read-only = { $error }; `record --force` o substitui
cli-record-interrupted = o comando foi parado antes de terminar; o perfil pode estar incompleto
cli-record-distinct = { $n ->
    [0] { $n } chamadas distintas gravadas
    [one] { $n } chamada distinta gravada
   *[other] { $n } chamadas distintas gravadas
}
cli-record-distinct-based = { $n ->
    [0] { $n } chamadas distintas gravadas
    [one] { $n } chamada distinta gravada
   *[other] { $n } chamadas distintas gravadas
}; a base já libera { $allowed } delas
cli-record-nothing = nada a acrescentar
cli-record-every-call = qualquer chamada ({ $why })
cli-record-or = ou
cli-record-every-call-of = qualquer chamada de: { $names }
cli-record-unseen-for = { $name } (no lugar de { $of })
cli-record-unseen = nota, não acrescentadas: a execução não chamou estas, que fazem o mesmo serviço que chamadas que ela fez e que outra biblioteca C, outro kernel ou um caminho de erro podem usar: { $names }
cli-record-not-added = não acrescentada: { $name } continua bloqueada: { $why }; mude essa regra à mão se o comando precisar dela
cli-record-unnamed = a syscall número { $nr } ({ $arch }) não tem nome no catálogo, então nenhuma regra pode liberá-la

# merge: o que a união diz.
cli-merge-default = { $file } tem a ação padrão { $action } onde { $first } tem { $kept }: mantida a de { $first }, então o que { $file } deixa para a ação padrão não entra na união
cli-merge-arches = { $file } cita outras arquiteturas que { $first }: mantidas as de { $first }
cli-merge-flags = { $file } define outras flags que { $first }: mantidas as de { $first }
cli-merge-stopping = { $file }: { $n ->
    [one] { $n } regra que não libera nada não foi incluída
   *[other] { $n } regras que não liberam nada não foram incluídas
} (a união guarda o que libera)
cli-merge-mixed = { $file }: fora da união, pois as regras dele tanto liberam quanto bloqueiam estas: { $names }
cli-merge-allows = a ação padrão de { $first } libera: a união libera tudo o que ela não bloqueia
cli-merge-left-out = uma regra para { $names } ficou de fora: com as regras anteriores o perfil não compila ({ $error })
cli-merge-short = nem tudo o que os arquivos liberam é liberado pela união para: { $names } (uma regra do primeiro arquivo decide antes)
cli-merge-widened = fora da união, pois as regras juntas liberariam chamadas que nenhum arquivo libera: { $names }
cli-merge-two = o merge precisa de pelo menos dois perfis
cli-merge-one-arch = o merge confere a união para uma só arquitetura: dê um --arch
cli-merge-a-profile = um perfil para o merge

# As linhas próprias dos outros comandos: erros, diff, compile, convert, o catálogo e o alvo.
cli-error = erro: { $error }
cli-tally = { $errors ->
    [0] { $errors } erros
    [one] { $errors } erro
   *[other] { $errors } erros
}, { $warnings ->
    [0] { $warnings } avisos
    [one] { $warnings } aviso
   *[other] { $warnings } avisos
}, { $notes ->
    [0] { $notes } notas
    [one] { $notes } nota
   *[other] { $notes } notas
}
cli-diff-on = em { $arch }
cli-diff-same = { $a } e { $b } fazem o mesmo
cli-diff-default = padrão: { $change }
cli-diff-arches = arquiteturas: { $change }
cli-compile-one-arch = --format bpf escreve um só programa: dê no máximo um --arch (as subarquiteturas do archMap dele são incluídas)
cli-convert-errors = { $file } tem erros; nada foi escrito
cli-convert-several = { $file } contém vários SeccompProfiles ({ $names }): escolha um com --name
cli-convert-patch = --patch CONFIG.json só vale com --to oci
cli-convert-namespace = --namespace só vale com --to spo
cli-convert-one-arch = o convert decide um perfil para uma só máquina: dê no máximo um --arch
cli-convert-bad-name = "{ $name }" não é um nome válido no Kubernetes (letras minúsculas, dígitos, '-' e '.'): dê um com --name
cli-convert-cannot = { $format } não consegue expressar: { $what }
cli-convert-lossy = a saída { $format } deixa de fora { $n ->
    [one] { $n } parte
   *[other] { $n } partes
} do perfil (listadas acima); --lossy aceita isso
cli-catalog-unknown-arch = arquitetura desconhecida "{ $name }"; o catálogo tem { $arches }
cli-catalog-unknown-category = categoria desconhecida "{ $name }"; categorias: { $ids } (ou um grupo como @file-system, %net)
cli-unknown-syscall = syscall desconhecida "{ $name }"
cli-unknown-syscall-hint = syscall desconhecida "{ $name }"; você quis dizer "{ $hint }"?
cli-bad-kernel = --kernel { $kernel }: esperava uma versão como 5.8
cli-bad-runtime = --runtime { $runtime }: esperava runc, crun ou none
cli-bad-libseccomp = --libseccomp { $version }: esperava uma versão como 2.5.4
cli-old-libseccomp = --libseccomp { $version }: o seccompose sabe quais nomes a libseccomp resolve a partir da { $oldest }
cli-unknown-arch = arquitetura desconhecida "{ $name }"; por exemplo x86_64, x86, x32, aarch64, arm, riscv64, ppc64le, s390x

# run --container e agent.
cli-container-never-connected = o { $runtime } terminou sem se conectar ao listener do seccompose (linux.seccomp.listenerPath)
cli-container-not-connected-in-time = o { $runtime } não se conectou ao listener do seccompose (linux.seccomp.listenerPath) em { $seconds } s: o contêiner foi encerrado
cli-container-nothing-observed = nada foi observado: um runtime que não entrega as notificações do filtro não consegue rodar um rascunho observado (--enforce roda o próprio rascunho)
cli-container-no-new-privileges-off = o noNewPrivileges está desligado (o padrão do Docker): o { $runtime } carrega o filtro mais cedo, antes de ajustar os privilégios do processo, então as chamadas dele a partir daí também passam pelo filtro
cli-container-start-up = na inicialização do próprio { $runtime }, depois de carregar o filtro e antes do execve do comando:
cli-container-init-needed = o init do { $runtime } precisou de { $names } depois que o filtro foi carregado: o contêiner não iniciaria
cli-container-in-command = no comando:
cli-container-runtime-failed = o { $runtime } falhou: { $error }
cli-container-not-started = o contêiner não iniciou
cli-container-sigsys = uma ação TRAP ou KILL pode tê-lo encerrado: o próprio kernel as aplica, e uma execução em contêiner não vê qual chamada (`run` no host diz qual)
cli-container-signal-status = (o { $runtime } informa um contêiner morto por um sinal como status de saída { $status })
cli-container-rule-at = { $rule } está em { $place }
cli-agent-nothing = { $file } não bloqueia nenhuma chamada: um runtime não teria nada a entregar (nenhuma regra SCMP_ACT_NOTIFY na reescrita), então não há o que observar
cli-agent-serving = servindo { $socket } como o agente seccomp de { $file } (observado: cada bloqueio é respondido como o rascunho faria e impresso); Ctrl-c encerra
cli-agent-live = { $n ->
    [one] { $n } contêiner continua rodando: sem agente, as chamadas que a reescrita notifica agora falham com ENOSYS nele
   *[other] { $n } contêineres continuam rodando: sem agente, as chamadas que a reescrita notifica agora falham com ENOSYS neles
}
cli-agent-ended = o agente terminou; { $socket } removido
cli-agent-draft-itself = -o { $file } é o próprio rascunho: a reescrita vai para outro arquivo
cli-agent-wrote = { $file } escrito: o rascunho reescrito para o modo observado, com o listenerPath apontando para o socket; entregue-o ao engine (seccompose usage { $draft } imprime as linhas)
cli-agent-connected = { $container }: conectado, as notificações do filtro dele chegam aqui
cli-agent-unusable = uma conexão não entregou nenhum descritor de arquivo de notificação; ignorada
cli-agent-last-ended = { $container }: o último processo dele terminou
cli-agent-phase-runtime = na inicialização do runtime
cli-agent-phase-command = no comando
cli-agent-stop = { $phase }: { $name } { $action } por { $by }: { $call }
cli-learn-no-lesson = não há lição "{ $lesson }"; dê o número dela (1-{ $last }) ou o id (seccompose learn --list)
cli-explain-not-on-arch = { $name } não existe em { $arch }
cli-record-by-name-clone3 = o clone3 passa as flags na memória (struct clone_args), que um filtro seccomp não consegue ler: só o nome pode ser liberado
cli-record-by-name-unknown = o catálogo não conhece os argumentos desta syscall
cli-record-by-name-pointers = os argumentos dela são ponteiros, descritores de arquivo ou tamanhos, não valores que uma regra possa fixar
cli-record-every-call-bare = qualquer chamada
cli-heading-default = [padrão: { $value }]
cli-heading-possible = [valores possíveis: { $values }]
cli-heading-possible-list = Valores possíveis:
cli-call-empty = digite uma syscall e seus argumentos, por exemplo socket AF_INET6 SOCK_STREAM 0
cli-call-too-many = uma syscall tem no máximo { $most } argumentos, { $given } dados
cli-call-argument = argumento { $index }: { $error }
cli-clap-unknown-argument = argumento inesperado '{ $arg }'
cli-clap-unknown-subcommand = subcomando desconhecido '{ $name }'
cli-clap-missing = faltam estes argumentos obrigatórios:{ $args }
cli-clap-no-value = '{ $arg }' precisa de um valor, mas nenhum foi dado
cli-clap-invalid-value = valor inválido '{ $value }' para '{ $arg }'
cli-clap-repeated = o argumento '{ $arg }' não pode ser usado mais de uma vez
cli-clap-conflict = o argumento '{ $arg }' não pode ser usado com '{ $other }'
cli-clap-similar-argument = dica: existe um argumento parecido: '{ $names }'
cli-clap-similar-subcommand = dica: existe um subcomando parecido: '{ $names }'
cli-clap-similar-value = dica: existe um valor parecido: '{ $names }'
cli-clap-try-help = Para mais informações, tente '--help'.
cli-starter-default = nega por padrão; o que programas comuns precisam, sem nenhum dos cantos perigosos
cli-starter-deny-mkdir-chmod-chown = libera tudo menos criar diretórios e mudar modos ou donos (as irmãs *at também)
cli-starter-no-network = libera tudo menos abrir sockets de rede (sockets Unix continuam)
cli-starter-read-only-fs = libera tudo menos escrever no sistema de arquivos (arquivos, diretórios, links, metadados)
cli-starter-no-new-processes = libera tudo menos fork, vfork e clone sem CLONE_THREAD (threads continuam)
cli-starter-strict = o modo estrito original do seccomp: read, write, exit, rt_sigreturn (e o execve que inicia o programa)
cli-starter-static-hello = o mínimo de que um programa ligado estaticamente precisa para iniciar, imprimir e sair
cli-convert-unknown-fields = campos desconhecidos deixados de fora: { $keys }
cli-convert-arch-map = archMap resolvido para { $arch }: arquiteturas { $arches }
cli-convert-arch-map-native = archMap resolvido para { $arch }: arquiteturas deixadas para o runtime (só a nativa)
cli-convert-decided = includes/excludes decididos para { $arch } ({ $caps } capabilities, kernel { $kernel }): { $dropped ->
    [0] { $dropped } regras deixadas de fora
    [one] { $dropped } regra deixada de fora
   *[other] { $dropped } regras deixadas de fora
}, { $kept } mantidas
cli-convert-comments = { $n ->
    [one] { $n } comentário deixado de fora
   *[other] { $n } comentários deixados de fora
}
cli-convert-errno-names = os nomes de errno do podman (defaultErrno, errno) ficaram de fora: o runc só lê defaultErrnoRet e errnoRet
cli-container-held-by-default = chamadas de { $names } que nenhuma regra casa recebem a ação padrão sem serem relatadas (uma regra TRAP ou KILL com condições as cita)
cli-container-unobserved-write = o write não é observado (o runc recusa SCMP_ACT_NOTIFY para ele): a ação do perfil se aplica a ele sem relatório
cli-container-removed-leftover = removido o contêiner { $name }, deixado por uma execução do seccompose que foi morta
cli-container-write-recorded = o write está na gravação sem ter sido visto: o { $runtime } não deixa que ele seja notificado, e o init dele escreve para o processo pai depois de carregar o filtro

# O que um formato não consegue expressar de um perfil (convert e usage; o arquivo da unit fica em inglês).
spo-limit-default-errno = defaultErrnoRet { $errno }: o operator não tem errno padrão (o runtime dele devolve EPERM)
spo-limit-notify-default = SCMP_ACT_NOTIFY como ação padrão
spo-limit-arch = a arquitetura { $arch }
spo-limit-flag = a flag { $flag }
spo-limit-errno-zero = syscalls[{ $index }].errnoRet 0: o operator lê 0 como não definido (EPERM)
spo-limit-errno-above = syscalls[{ $index }].errnoRet { $errno }: acima de { $max }
spo-limit-signed = syscalls[{ $index }].args[{ $arg }]: um valor acima de 2^63-1 (os valores do operator têm sinal)
systemd-argument-rules = { $name }: { $treatment } (regras de argumento; o systemd dá a toda chamada { $otherwise })
systemd-default-errno-zero = a ação padrão devolve 0 (ERRNO(0)); os números de erro do systemd começam em 1
systemd-default-kill-thread = a ação padrão mata a thread; o systemd mata o processo inteiro
systemd-default-no-equivalent = a ação padrão { $action } não tem equivalente no systemd; o systemd mata o processo no lugar
systemd-log = { $name }: SCMP_ACT_LOG; o systemd a libera sem registrar no log
systemd-allow-list-default = { $name }: { $verdict }; numa allowlist o systemd lhe dá a ação padrão ({ $default })
systemd-implicit-default = o systemd sempre libera o conjunto @default numa allowlist, então estas também ficam liberadas: { $names }
systemd-default-logs = a ação padrão registra toda chamada no log; o systemd libera sem registrar
systemd-errno-zero = { $name }: ERRNO(0) (falha com 0); os números de erro do systemd começam em 1, então ela é liberada
systemd-kills-instead = { $name }: { $verdict }; o systemd mata o processo no lugar

# Valores digitados nos formulários do editor e nas chamadas do explain.
value-empty = valor vazio
value-too-large = "{ $text }" não é um número que caiba em 64 bits
value-not-a-number = "{ $text }" não é um número (decimal, 0x hexa, 0o octal ou 0b binário, até 2^64-1)
value-unknown-constant = constante desconhecida "{ $name }"
value-unknown-constant-in = constante desconhecida "{ $name }" (nem em { $set } nem em outro conjunto)
value-unknown-errno = errno desconhecido "{ $text }" (tente EPERM, EACCES ou um número)
value-unknown-errno-close = errno desconhecido "{ $text }": você quis dizer { $close }?
value-errno-too-large = o errno { $errno } passa do limite de 4095 do kernel

# Erros para pessoas (os do motor; um script lê o status de saída).
err-no-such-rule = não há regra { $index }
err-not-in-rule = a regra { $index } não cita { $name }
err-bad-errno = o errno { $errno } está fora de 0..4095
err-read-only = { $file } é somente leitura (modo { $mode }); ele não foi alterado
err-unknown-capability = capability desconhecida "{ $cap }"
err-unknown-lint-id = `{ $id }` não é o id de nenhum tipo de apontamento
err-config-not-json = a configuração não é um JSON válido: { $why }
err-config-not-object = a configuração não é um objeto JSON
err-linux-not-object = o "linux" da configuração não é um objeto
err-patched-unreadable = a configuração alterada não pode ser lida de volta: { $why }
err-patched-without-profile = a configuração alterada não contém o perfil
err-patched-too-much = a alteração mudou mais do que linux.seccomp
err-profile-gone = o arquivo não tem mais um SeccompProfile chamado "{ $name }"
err-no-such-profile = o arquivo não tem um SeccompProfile chamado "{ $name }"
err-no-spec = o SeccompProfile não tem spec
err-spec-off-the-file = a chave spec não está em nenhuma linha do arquivo
err-spec-not-object = um perfil é um objeto JSON
err-not-plain-json = a configuração não é JSON puro: { $why }
err-manifests-not-written = os manifestos não puderam ser escritos de novo: { $why }
err-would-lose-content = o perfil não pode voltar para este arquivo sem perder o resto do conteúdo dele ({ $why }); nada foi escrito: salve-o como um arquivo novo
err-disk-same = o arquivo está como foi lido
err-disk-changed = o arquivo mudou no disco depois de aberto
err-disk-appeared = um arquivo com esse nome foi criado depois que o documento começou
err-disk-gone = o arquivo foi removido do disco depois de aberto
err-no-command = nenhum comando para executar
err-cannot-run = não foi possível executar { $why }
err-start-failed = { $why }: o comando não foi executado

# As recusas do compilador (as palavras do próprio libseccomp ficam como estão).
compile-rejected = o libseccomp recusou { $what }: { $message }
compile-failed = o libseccomp falhou ao { $step }: { $message }
compile-too-long = o filtro tem { $n } instruções, mais do que o limite de 4096 do kernel
compile-at-least-too-long = o filtro teria pelo menos { $n } instruções, mais do que o limite de 4096 do kernel (cada valor comparado é um salto próprio)

# Por que um comando não pode ser iniciado (palavras do sandbox; saída 127 ou 126).
run-nul-byte = { $arg }: um argumento contém um byte NUL
run-no-such-file = { $path }: arquivo inexistente
run-cannot-look = { $path }: { $error }
run-is-a-directory = { $path }: é uma pasta
run-not-executable = { $path }: sem permissão de execução ({ $error })
run-empty-name = o nome do comando está vazio
run-not-in-path = { $name }: comando não encontrado no PATH
run-container-no-such-file = { $program }: arquivo inexistente no contêiner ({ $root })
run-container-not-in-path = { $program }: comando não encontrado no PATH do contêiner ({ $root })

## The editor, more: view 2's header, the rule form, proposals, replay, stops and edits.
# (ids begin with ed-)

# O cabeçalho da vista 2.
ed-bpf-built-in = perfil embutido
ed-bpf-at = em { $line }:{ $col }
ed-bpf-instructions = { $n ->
    [one] { $n } instrução
   *[other] { $n } instruções
}
ed-bpf-for = para { $arches } · { $layout }
ed-bpf-linear = linear
ed-bpf-tree = árvore binária
ed-bpf-reachable = { $n } alcançáveis em { $arch }
ed-bpf-per-call = Por chamada em { $arch }:
ed-bpf-min = mín. { $n } ({ $name })
ed-bpf-median = mediana { $n }
ed-bpf-max = máx. { $n } ({ $name })
ed-bpf-instructions-run = instruções executadas
ed-bpf-no-costs = O catálogo não tem os números de syscall de { $arch }, então não há custos.
ed-bpf-own-block = + { $first }-{ $last }: o bloco do próprio seccompose, para chamadas que a libseccomp instalada não conhece
ed-bpf-more-warnings = e mais { $n } (o seccompose compile lista todos)
ed-bpf-differs = o filtro difere do perfil: { $what }
ed-bpf-more-differences = e mais { $n } diferenças (o seccompose compile lista todas)
ed-bpf-explain = Explicar
ed-bpf-follow = Acompanhar
ed-bpf-nothing-selected = nenhuma syscall selecionada na vista 1 (e explica uma chamada digitada)
ed-bpf-follow-off = desligado (f acompanha a syscall selecionada na vista 1, e explica uma chamada digitada)
ed-bpf-on-abi = em { $abi }
ed-bpf-stub-above = pelo stub -ENOSYS do runc: { $nr } está acima de { $last }, { $name }, o nome mais novo que o runtime resolve para { $arch }
ed-bpf-stub = pelo stub -ENOSYS do runc
ed-bpf-default-skipped = pela ação padrão (o runtime pula syscalls[{ $index }]: a libseccomp dele não resolve { $name })
ed-bpf-bad-arch = pela ação de arquitetura errada (sem seção { $arch })
ed-bpf-default = pela ação padrão
ed-bpf-by-rule = por { $rule }
ed-bpf-run = { $n ->
    [one] { $n } instrução executada
   *[other] { $n } instruções executadas
}
ed-bpf-compiling = Compilando…
ed-bpf-previous = (abaixo, esmaecido: o filtro de antes da última mudança)
ed-bpf-no-compile = O perfil não compila para { $arch }, então não há filtro para mostrar:
ed-bpf-comes-back = A listagem volta assim que o perfil compilar de novo (u desfaz a última edição).

# As representações da vista 2 e a comparação dos layouts.
ed-bpf-what-disassembly = desmontagem
ed-bpf-what-pfc = PFC da libseccomp (sem o bloco do próprio seccompose)
ed-bpf-what-json = JSON como o Ctrl-s o grava
ed-bpf-rule-range = { $first }-{ $last } de { $len }
ed-bpf-rule-lines = { $len } linhas
ed-bpf-rule-find = busca "{ $query }" (n/N)
ed-cmp-comparing = Comparando os layouts…
ed-cmp-traced-call = a chamada rastreada
ed-cmp-instructions = instruções
ed-cmp-run-by = executadas por { $name }
ed-cmp-spread = mín./mediana/máx. em { $arch }
ed-cmp-layout = layout
ed-cmp-why = { $active ->
    [one] { $active } regra ativa
   *[other] { $active } regras ativas
}: o runc escolhe { $choice } (a árvore acima de { $above }); L esconde isto
ed-cmp-failed = Os layouts não compilam: { $why }

ed-bpf-title-pfc = BPF · PFC
ed-bpf-title-json = BPF · JSON
ed-bpf-explaining = Explicando { $call } (esc volta a acompanhar)
ed-bpf-abi-own = As chamadas são feitas na ABI { $abi } (a do próprio alvo)
ed-bpf-abi-other = As chamadas são feitas na ABI { $abi } (um processo { $abi } sob o filtro do host { $host })
ed-bpf-following-on = Acompanhar a syscall selecionada: ligado
ed-bpf-following-off = Acompanhar a syscall selecionada: desligado
ed-explain-args-0 = { $name }, argumentos 0
ed-explain-on = explicar em { $abi }
ed-explain-keys = tab completa · enter explica · esc fecha

# O editor de regras e seu formulário.
ed-rules-title = Regras de { $name }
ed-rules-which-decides = A primeira regra ativa sem condições decide; regras com condições decidem quando casam.
ed-rules-none = Nenhuma regra cita { $name }: ela recebe a ação padrão.
ed-rules-shared = compartilhada com mais { $n }
ed-rules-inactive = inativa: { $why }
ed-form-edit = Editar a regra de { $signature }
ed-form-new = Nova regra para { $signature }
ed-form-action = Ação
ed-form-errno = Errno
ed-form-if = Se
ed-form-and = e
ed-form-no-conditions = Sem condições: a regra vale para toda chamada.
ed-form-values = Valores: 42, 0x2a, 0o52, 0b101010, ou constantes como O_RDONLY|O_CLOEXEC.
ed-form-no-arguments = { $name } não recebe argumentos para comparar
ed-form-pointer = { $arg } é um ponteiro: o filtro só vê o endereço, nunca os dados para os quais ele aponta.
ed-form-repeated = { $arg } aparece em mais de uma condição: o runc faz regras separadas delas, então elas valem com OU (basta uma casar) em vez de E.

# Vista 1: regras em palavras, a lista, o risco, o que cada ação faz.
ed-rule-if = se { $conditions }
ed-rule-and = e
ed-filter-needs-cap = exige { $cap }
ed-filter-only-on = só em { $arches }
ed-filter-needs-kernel = exige kernel { $kernel }+
ed-filter-not-with-cap = não com { $cap }
ed-filter-not-on = não em { $arches }
ed-filter-not-from-kernel = não a partir do kernel { $kernel }
ed-detail-new-action = Novo: { $action } — { $meaning }.
ed-risk-badge-low = baixo
ed-risk-badge-medium = médio
ed-risk-badge-high = ALTO
ed-risk-low = baixo
ed-risk-medium = médio
ed-risk-high = alto
ed-list-marked = { $n ->
    [one] { $n } marcada
   *[other] { $n } marcadas
}
ed-list-nothing-matches = nada corresponde
ed-no-siblings-left = Nenhuma negação acabou de deixar liberada uma irmã da mesma função
ed-action-allow = a chamada roda como se não houvesse filtro
ed-action-errno = a chamada não faz nada e falha com o errno indicado
ed-action-kill-process = o processo inteiro é morto na hora, como por SIGSYS, com core dump
ed-action-kill-thread = só a thread que chamou é morta; o resto do processo continua
ed-action-trap = a thread recebe SIGSYS, que um handler pode capturar para emular a chamada
ed-action-log = a chamada roda, e o kernel a registra no log de auditoria
ed-action-trace = um tracer ptrace é avisado e decide; sem tracer a chamada falha com ENOSYS
ed-action-notify = um processo supervisor que escuta no fd de notificação decide o que acontece

# As abas, e o que um documento não salvo era no começo.
ed-view-syscalls = Syscalls
ed-view-bpf = BPF
ed-view-run = Executar
ed-view-lint = Lint
ed-view-settings = Perfil
ed-began-builtin = perfil embutido
ed-began-starter = perfil inicial { $name }
ed-began-lesson = lição { $n }

# Vista 3: bloqueios, onde foram decididos, a repetição.
ed-place-line = linha { $line }:{ $col }
ed-place-default = padrão
ed-place-start-up = inicialização do { $runtime }
ed-or = ou
ed-and-more = e mais { $n }
ed-stop-allowed-now = O rascunho agora libera { $name } (mudou desde esta execução): { $key } roda de novo sob ele.
ed-stop-may-try = Quando { $name } falha, um programa pode tentar { $others } em seguida, que o rascunho libera.
ed-stop-keys = { $allow } libera { $name } · { $rules } editor de regras · { $again } roda de novo
ed-replay-judging = Avaliando a última execução gravada (`{ $command }`) contra este rascunho…
ed-replay-no-compile = O rascunho não compila, então a última execução gravada não pode ser avaliada: { $why }
ed-replay-no-stop = Com este rascunho a última execução gravada (`{ $command }`) rodaria sem nenhum bloqueio ({ $n ->
    [one] { $n } chamada distinta avaliada
   *[other] { $n } chamadas distintas avaliadas
}).
ed-replay-stopped = Com este rascunho a última execução gravada (`{ $command }`) agora seria bloqueada em { $n ->
    [one] { $n } chamada
   *[other] { $n } chamadas
}: { $names }
ed-run-the-profile = o perfil
ed-run-no-compile = O rascunho não compila, então nada rodou: { $why }

# Vista 3: a proposta depois de uma gravação.
ed-proposal-unseen = Não chamadas nesta execução, mas fazem o trabalho de chamadas que ela fez (outra libc ou um caminho de erro pode usá-las; não adicionadas): { $names }
ed-proposal-only-by-name = { $name }: só pelo nome: { $why }
ed-proposal-nothing-accepted = Nada aceito: o perfil não mudou
ed-proposal-no-compile = Sem proposta: o rascunho não compila: { $why }
ed-proposal-all-allowed = Gravado: o rascunho já libera todas as chamadas que o comando fez, com seus argumentos ({ $n } chamadas distintas avaliadas)
ed-proposal-nothing-left = O rascunho agora libera todas as chamadas gravadas: nada mais a propor
ed-proposal-working = A proposta está sendo calculada para este rascunho
ed-proposal-every-call = toda chamada (pelo nome)
ed-proposal-judging = Avaliando cada chamada gravada contra este rascunho…
ed-proposal-title = Proposta: liberar { $accepted } de { $n ->
    [0] { $n } syscalls
    [one] { $n } syscall
   *[other] { $n } syscalls
} que o rascunho bloquearia
ed-proposal-held = Não adicionada: { $name } continua bloqueada: { $why }; mude essa regra à mão se o comando precisar dela
ed-proposal-unnamed = Não adicionados: números de syscall que o catálogo não sabe nomear, então nenhuma regra pode liberá-los: { $numbers }
ed-proposal-by-name-only = Só pelo nome: { $why }.
ed-proposal-narrow = Estreita: só os valores vistos ({ $n ->
    [one] { $n } chamada distinta
   *[other] { $n } chamadas distintas
}).
ed-proposal-by-name = Pelo nome: toda chamada, quaisquer que sejam os argumentos.

# Vista 3: o que as teclas dizem na barra de status, o alvo.
ed-run-nothing-running = Nada está rodando
ed-run-enforce-mode = Modo aplicado: o filtro exato, como em um container; os bloqueios não são relatados
ed-run-observed-mode = Modo observado: o comando vê o que o filtro faz; cada bloqueio é relatado
ed-run-still-running-target = Um comando ainda está rodando: ctrl-c o encerra, depois o alvo pode mudar
ed-run-still-running = Um comando ainda está rodando: ctrl-c o encerra
ed-run-nothing-through = Nada passou que possa ser negado
ed-run-type-a-command = Digite um comando primeiro
ed-run-unclosed-quote = O comando tem uma aspa sem fechar
ed-target-host = alvo: host
ed-target-container = alvo: container { $dir }
ed-target-now-host = Alvo: host. Os comandos rodam nesta máquina, sob o sandbox
ed-target-stays-host-why = O alvo continua o host: { $why }
ed-target-now-container = Alvo: container { $dir } ({ $runtime })
ed-target-stays-host = O alvo continua o host
ed-target-nnp-off = noNewPrivileges está desligado (o padrão do Docker): o { $runtime } carrega o filtro antes de configurar os privilégios do processo, então as chamadas dele também passam pelo filtro
ed-target-nothing-observed = nada foi observado: { $why }
ed-target-did-not-start = não iniciou: o { $runtime } falhou: { $error }
ed-target-init-needed = não iniciou: a inicialização do { $runtime } precisou de { $names } depois que o filtro foi carregado, então o container não iniciaria ({ $runtime }: { $error })

# Vista 5: o idioma do editor.
ed-settings-language = Idioma
ed-settings-language-about = o idioma do editor, lembrado para a próxima vez
ed-language-chosen = Idioma: { $language } (a partir de agora, e na próxima vez, a não ser que --lang diga outro)
ed-help-language = A linha Idioma muda o idioma do editor na hora e o lembra para a próxima vez.
ed-help-language-start = Ao abrir: primeiro --lang, depois o idioma escolhido ali, depois LC_ALL, LC_MESSAGES, LANG.

# Perguntas, recarregar, colar, perfis iniciais.
ed-prompt-not-a-kernel = "{ $version }" não é uma versão de kernel como 6.1
ed-prompt-unknown-capability = capability desconhecida "{ $cap }"
ed-prompt-no-file-name = digite um nome de arquivo
ed-prompt-exists = { $file } já existe: tecle enter de novo para substituí-lo
ed-prompt-deny-one = Negar { $name } com o errno (EACCES, 13, ...):
ed-prompt-deny-many = Negar { $n } syscalls com o errno (EACCES, 13, ...):
ed-prompt-default-errno = Errno padrão (EPERM, EACCES, 38, ...):
ed-prompt-kernel = Versão do kernel do alvo (X.Y ou X.Y.Z):
ed-prompt-capability = Capability a adicionar ou remover (SYS_ADMIN, CAP_NET_RAW, ...):
ed-prompt-save-as = Salvar o perfil como:
ed-prompt-kernel-now = O kernel do alvo agora é { $kernel }
ed-prompt-cap-added = { $cap } adicionada ao alvo
ed-prompt-cap-removed = { $cap } removida do alvo
ed-container-type-folder = Digite a pasta de um sistema de arquivos raiz ou de um bundle OCI
ed-container-not-one = Não é um container: { $why }
ed-keys-ignored = keys.toml ignorado: { $why }
ed-paste-nowhere = Texto colado vai para um campo de texto (/ busca, Enter na linha de comando); nada foi feito com ele
ed-started-from-starter = Começando do perfil inicial { $name } (u volta atrás)
ed-restored = As mudanças não salvas foram restauradas (u volta ao arquivo)
ed-reloaded = { $file } recarregado (u traz de volta suas edições)
ed-reload-not-a-profile = não é um perfil
ed-cannot-reload = Não foi possível recarregar { $file }: { $why }

# Abrir um arquivo no editor.
ed-no-starter = não há perfil inicial "{ $name }"; existem: { $names }
ed-from-builtin = o perfil embutido
ed-from-starter = o perfil inicial { $name }
ed-new-file = Arquivo novo { $file }: começando por { $from }
ed-starting-from = Começando por { $from } (não salvo)
ed-new-exists = { $file } já existe: --new começa um arquivo novo (dê outro nome, ou abra-o sem --new)
ed-cannot-read = não foi possível ler { $file }: { $why }
ed-opened-spo = SeccompProfile { $name } aberto; o arquivo também tem { $others } (seccompose ARQUIVO --name NOME abre outro)
ed-not-opened = { $file } não pôde ser aberto; ele não foi alterado.
ed-fix-the-file = Corrija o arquivo (o seccompose check mostra o mesmo) e abra-o de novo. Tecle qualquer coisa para sair.
ed-cannot-open = Não foi possível abrir o perfil

# As mudanças não salvas da vista 5, perfis iniciais, keys.toml, o terminal.
ed-changes-saved-file = o arquivo salvo
ed-changes-start = o começo do documento
ed-changes-title = Mudanças não salvas: o que elas fazem em { $arch }, comparado com { $against }
ed-changes-none = Nenhuma mudança não salva.
ed-changes-text-only = As edições só mudam o texto: cada syscall recebe o mesmo que antes.
ed-starters-title = Começar de um perfil inicial
ed-starters-keys = enter começa por ele (u volta atrás) · esc cancela
ed-keys-unknown-section = seção desconhecida [{ $section }]
ed-keys-unknown-command = comando desconhecido "{ $command }" em [{ $section }]
ed-keys-not-in-section = [{ $section }] não tem o comando { $command }
ed-keys-unknown-key = tecla desconhecida "{ $key }" em "{ $keys }"
ed-keys-two-meanings = a tecla "{ $key }" quer dizer { $one } e também { $other } em [{ $section }]
ed-screen-unusable = a tela do terminal não pode ser usada
ed-crashed = o editor falhou; as mudanças não salvas estão no arquivo de recuperação e serão oferecidas na próxima vez.

# Como terminou uma execução na vista 3 (Report::cause de crates/sandbox).
ed-no-lesson = não há lição { $n }
ed-cause-exited = saiu com status { $status }
ed-cause-killed = morto por { $signal }
ed-cause-by-rule = uma regra { $action } para { $name }
ed-cause-by-default = a ação padrão ({ $action }) em { $name }
ed-cause-killed-by = morto por { $signal }: { $by }
ed-cause-killed-by-at = morto por { $signal }: { $by }, { $place }
ed-cause-timeout = terminado no tempo limite (a árvore de processos toda)
ed-cause-stopped = parado a pedido (a árvore de processos toda)
ed-cause-not-run-denied = o comando não foi executado: o perfil nega execve ({ $errno })
ed-cause-not-run-failed = o comando não foi executado: execve falhou ({ $errno })

# O manual do painel de detalhes quando o sistema não tem nenhum (crates/core/src/catalog/man.rs).
