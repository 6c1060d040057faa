<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>studio</name>
    <message>
        <source>Editor and debugger for the Mapping DSL.</source>
        <translation>Éditeur et débogueur du Mapping DSL.</translation>
    </message>
    <message>
        <source>Mapping file or repro bundle to open.</source>
        <translation>Fichier de mapping ou paquet de reproduction à ouvrir.</translation>
    </message>
</context>
<context>
    <name>studio::CodeEditor</name>
    <message>
        <source>Missing or null:</source>
        <translation>Absent ou null :</translation>
    </message>
    <message>
        <source>Language version %1, flag &lt;code&gt;%2&lt;/code&gt;.</source>
        <translation>Version %1 du langage, drapeau &lt;code&gt;%2&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Language version %1.</source>
        <translation>Version %1 du langage.</translation>
    </message>
    <message>
        <source>Row of the table %1</source>
        <translation>Ligne de la table %1</translation>
    </message>
    <message>
        <source>Key of %1</source>
        <translation>Clé de %1</translation>
    </message>
    <message>
        <source>Field of %1 in the sample input</source>
        <translation>Champ de %1 dans l’entrée d’exemple</translation>
    </message>
    <message>
        <source>table &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>table &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the element of an array block</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : l’élément d’un bloc de tableau</translation>
    </message>
    <message>
        <source>let &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>let &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>reads %1</source>
        <translation>lit %1</translation>
    </message>
    <message>
        <source>keys: %1</source>
        <translation>clés : %1</translation>
    </message>
    <message>
        <source>defined on line %1</source>
        <translation>défini ligne %1</translation>
    </message>
    <message>
        <source>→ line %1, column %2: %3</source>
        <translation>→ ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>(overloads: %1)</source>
        <translation>(surcharges : %1)</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>element of an array block</source>
        <translation>élément d’un bloc de tableau</translation>
    </message>
    <message>
        <source>defined by let</source>
        <translation>défini par let</translation>
    </message>
    <message>
        <source>field of the sample input</source>
        <translation>champ de l’entrée d’exemple</translation>
    </message>
    <message>
        <source>target written on line %1</source>
        <translation>cible écrite à la ligne %1</translation>
    </message>
    <message>
        <source>keyword</source>
        <translation>mot-clé</translation>
    </message>
</context>
<context>
    <name>studio::DebuggerPanel</name>
    <message>
        <source>Event %L1 / %L2</source>
        <translation>Événement %L1 / %L2</translation>
    </message>
    <message>
        <source>No run recorded</source>
        <translation>Aucune exécution enregistrée</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Record a run (Ctrl+F5) of the mapping on the sample input, then step through it.</source>
        <translation>Enregistrez une exécution (Ctrl+F5) du mapping sur l’entrée d’exemple, puis parcourez-la pas à pas.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Ligne %1</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Context: %1</source>
        <translation>Contexte : %1</translation>
    </message>
    <message>
        <source>Skips and Errors (%L1)</source>
        <translation>Écritures ignorées et erreurs (%L1)</translation>
    </message>
    <message>
        <source>Record Run</source>
        <translation>Enregistrer une exécution</translation>
    </message>
    <message>
        <source>Record a run of the mapping on the sample input with the chosen engine (%1)</source>
        <translation>Enregistrer une exécution du mapping sur l’entrée d’exemple avec le moteur choisi (%1)</translation>
    </message>
    <message>
        <source>The engine that runs the recording</source>
        <translation>Le moteur qui exécute l’enregistrement</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>Step &amp;Over</source>
        <translation>Pas &amp;principal</translation>
    </message>
    <message>
        <source>Step &amp;Into</source>
        <translation>Pas déta&amp;illé</translation>
    </message>
    <message>
        <source>Step O&amp;ut</source>
        <translation>Pas &amp;sortant</translation>
    </message>
    <message>
        <source>Step Bac&amp;k</source>
        <translation>Pas &amp;en arrière</translation>
    </message>
    <message>
        <source>Continue Back&amp;wards</source>
        <translation>Continuer &amp;vers l’arrière</translation>
    </message>
    <message>
        <source>Run &amp;to Cursor</source>
        <translation>Exécuter &amp;jusqu’au curseur</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Recommencer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Values of This Rule</source>
        <translation>Valeurs de cette règle</translation>
    </message>
    <message>
        <source>Output So Far (click a value: the write that made it)</source>
        <translation>Sortie jusqu’ici (cliquez sur une valeur : l’écriture qui l’a produite)</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Value or Reason</source>
        <translation>Valeur ou raison</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Writes of This Rule</source>
        <translation>Écritures de cette règle</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Pile</translation>
    </message>
    <message>
        <source>Looking for a breakpoint whose condition holds… Any step stops the search.</source>
        <translation>Recherche d’un point d’arrêt dont la condition est vraie… Toute autre action arrête la recherche.</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Espions</translation>
    </message>
    <message>
        <source>Expressions evaluated at each stop in the scope of the current rule, as breakpoint conditions are</source>
        <translation>Expressions évaluées à chaque arrêt dans la portée de la règle courante, comme les conditions des points d’arrêt</translation>
    </message>
    <message>
        <source>Printing the context and the output of this step… Steps go on meanwhile.</source>
        <translation>Mise en forme du contexte et de la sortie de cette étape… Le pas à pas continue en attendant.</translation>
    </message>
</context>
<context>
    <name>studio::DebuggerController</name>
    <message>
        <source>Debugger</source>
        <translation>Débogueur</translation>
    </message>
    <message>
        <source>Toggle &amp;Breakpoint</source>
        <translation>Basculer le point d’&amp;arrêt</translation>
    </message>
    <message>
        <source>Breakpoint Con&amp;dition…</source>
        <translation>Con&amp;dition du point d’arrêt…</translation>
    </message>
    <message>
        <source>No rule on line %1 or after it: a breakpoint goes on a rule.</source>
        <translation>Aucune règle à la ligne %1 ni après : un point d’arrêt se place sur une règle.</translation>
    </message>
    <message>
        <source>Breakpoint Condition</source>
        <translation>Condition du point d’arrêt</translation>
    </message>
    <message>
        <source>Stop at the rule on line %1 only when this expression is true. It sees what the rule sees: `.` is the current element, with the lets, the tables, the `as` names and index(). Empty: always.</source>
        <translation>S’arrêter à la règle de la ligne %1 seulement quand cette expression est vraie. Elle voit ce que voit la règle : `.` est l’élément courant, avec les let, les tables, les noms `as` et index(). Vide : toujours.</translation>
    </message>
    <message>
        <source>Remove Breakpoint</source>
        <translation>Supprimer le point d’arrêt</translation>
    </message>
    <message>
        <source>Add Breakpoint</source>
        <translation>Ajouter un point d’arrêt</translation>
    </message>
    <message>
        <source>Edit Condition…</source>
        <translation>Modifier la condition…</translation>
    </message>
    <message>
        <source>Add Conditional Breakpoint…</source>
        <translation>Ajouter un point d’arrêt conditionnel…</translation>
    </message>
</context>
<context>
    <name>studio::DiagnosticMessages</name>
    <message>
        <source>the condition is not valid%1: %2</source>
        <translation>la condition n’est pas valide%1 : %2</translation>
    </message>
    <message>
        <source>the condition is not valid%1: it must be one expression</source>
        <translation>la condition n’est pas valide%1 : elle doit être une seule expression</translation>
    </message>
    <message>
        <source>the condition failed%1: %2</source>
        <translation>la condition a échoué%1 : %2</translation>
    </message>
    <message>
        <source>the condition gave %2, not true or false</source>
        <translation>la condition a donné %2, et non vrai ou faux</translation>
    </message>
    <message>
        <source>the current element was not recorded (the trace is too large): the condition cannot read it</source>
        <translation>l’élément courant n’a pas été enregistré (la trace est trop grande) : la condition ne peut pas le lire</translation>
    </message>
    <message>
        <source>the value of `%2`%1 was not recorded here (the trace is too large): the condition cannot read it</source>
        <translation>la valeur de `%2`%1 n’a pas été enregistrée ici (la trace est trop grande) : la condition ne peut pas la lire</translation>
    </message>
    <message>
        <source>stopped after checking conditions %2 times</source>
        <translation>arrêt après %2 vérifications de conditions</translation>
    </message>
    <message>
        <source> (column %2)</source>
        <translation> (colonne %2)</translation>
    </message>
    <message>
        <source> (line %1, column %2)</source>
        <translation> (ligne %1, colonne %2)</translation>
    </message>
    <message>
        <source>unexpected character %1</source>
        <translation>caractère inattendu %1</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>attendu : %1 ; trouvé : %2</translation>
    </message>
    <message>
        <source>string is not closed before the end of the line</source>
        <translation>la chaîne n’est pas fermée avant la fin de la ligne</translation>
    </message>
    <message>
        <source>invalid escape sequence %1 in string</source>
        <translation>séquence d’échappement %1 invalide dans la chaîne</translation>
    </message>
    <message>
        <source>invalid number %1: %2</source>
        <translation>nombre invalide %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not closed: expected %2</source>
        <translation>%1 n’est pas fermé : %2 attendu</translation>
    </message>
    <message>
        <source>control character U+%1 in string: write it as an escape such as \n or \u%1</source>
        <translation>caractère de contrôle U+%1 dans la chaîne : écrivez-le comme un échappement, par exemple \n ou \u%1</translation>
    </message>
    <message>
        <source>invalid UTF-8 byte 0x%1</source>
        <translation>octet UTF-8 invalide 0x%1</translation>
    </message>
    <message>
        <source>unsupported language version %1: expected 1 or 2</source>
        <translation>version du langage %1 non prise en charge : 1 ou 2 attendu</translation>
    </message>
    <message>
        <source>the 'mapping' header must come first, and only once</source>
        <translation>l’en-tête 'mapping' doit venir en premier, et une seule fois</translation>
    </message>
    <message>
        <source>invalid JSONPath query: %1</source>
        <translation>requête JSONPath invalide : %1</translation>
    </message>
    <message>
        <source>comparisons cannot be chained: combine them with 'and'</source>
        <translation>les comparaisons ne s’enchaînent pas : combinez-les avec 'and'</translation>
    </message>
    <message>
        <source>expected a function name after '|', found %1</source>
        <translation>nom de fonction attendu après '|' ; trouvé : %1</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>imbrication de plus de %1 niveaux</translation>
    </message>
    <message>
        <source>unknown name `%1`</source>
        <translation>nom inconnu `%1`</translation>
    </message>
    <message>
        <source>unknown function `%1`</source>
        <translation>fonction inconnue `%1`</translation>
    </message>
    <message>
        <source>`%1` takes %2, not %3</source>
        <translation>`%1` prend %2, pas %3</translation>
    </message>
    <message>
        <source>invalid regular expression for `%1`: %2</source>
        <translation>expression régulière invalide pour `%1` : %2</translation>
    </message>
    <message>
        <source>`%1` is written as a value, so `%2` cannot be written under it</source>
        <translation>`%1` est écrit comme une valeur, donc `%2` ne peut pas être écrit dessous</translation>
    </message>
    <message>
        <source>`%1` is already defined in this scope</source>
        <translation>`%1` est déjà défini dans cette portée</translation>
    </message>
    <message>
        <source>`index()` is only defined inside an array block</source>
        <translation>`index()` n’est défini que dans un bloc de tableau</translation>
    </message>
    <message>
        <source>the target nests deeper than %1 levels, its blocks included</source>
        <translation>la cible s’imbrique sur plus de %1 niveaux, blocs englobants compris</translation>
    </message>
    <message>
        <source>%1 needs language version 2, but this document is version 1</source>
        <translation>%1 demande la version 2 du langage, mais ce document est en version 1</translation>
    </message>
    <message>
        <source>%1 needs the feature flag `%2`, which is off</source>
        <translation>%1 demande le drapeau `%2`, qui est désactivé</translation>
    </message>
    <message>
        <source>the V1 engine does not run version 2 documents</source>
        <translation>le moteur V1 n’exécute pas les documents en version 2</translation>
    </message>
    <message>
        <source>version 2 documents need the feature flag `mapping_dsl_v2_enabled`, which is off</source>
        <translation>les documents en version 2 demandent le drapeau `mapping_dsl_v2_enabled`, qui est désactivé</translation>
    </message>
    <message>
        <source>the flag file is not valid YAML: %1</source>
        <translation>le fichier de drapeaux n’est pas du YAML valide : %1</translation>
    </message>
    <message>
        <source>the flag file must map flag names to true or false</source>
        <translation>le fichier de drapeaux doit associer chaque nom de drapeau à true ou false</translation>
    </message>
    <message>
        <source>the flag `%1` must be true or false, not `%2`</source>
        <translation>le drapeau `%1` doit valoir true ou false, pas `%2`</translation>
    </message>
    <message>
        <source>`%1` is written twice; the later write replaces the earlier one</source>
        <translation>`%1` est écrit deux fois ; la seconde écriture remplace la première</translation>
    </message>
    <message>
        <source>`let %1` is never used</source>
        <translation>`let %1` n’est jamais utilisé</translation>
    </message>
    <message>
        <source>`table %1` is never used</source>
        <translation>`table %1` n’est jamais utilisée</translation>
    </message>
    <message>
        <source>`%1` never holds an object or an array: `%1%2` is always missing</source>
        <translation>`%1` ne contient jamais d’objet ni de tableau : `%1%2` est toujours absent</translation>
    </message>
    <message>
        <source>unknown flag `%1` is ignored</source>
        <translation>le drapeau inconnu `%1` est ignoré</translation>
    </message>
    <message>
        <source>close the string</source>
        <translation>fermer la chaîne</translation>
    </message>
    <message>
        <source>add `version 2` to the header</source>
        <translation>ajouter `version 2` à l’en-tête</translation>
    </message>
    <message>
        <source>insert %1</source>
        <translation>insérer %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>the run took more than %1 steps</source>
        <translation>l’exécution a dépassé %1 étapes</translation>
    </message>
    <message>
        <source>the output grew past %1 bytes</source>
        <translation>la sortie a dépassé %1 octets</translation>
    </message>
    <message>
        <source>values or expressions nest deeper than %1 levels</source>
        <translation>les valeurs ou les expressions s’imbriquent sur plus de %1 niveaux</translation>
    </message>
    <message>
        <source>the run took longer than %1 ms</source>
        <translation>l’exécution a duré plus de %1 ms</translation>
    </message>
    <message>
        <source>the run built more than %1 bytes of values</source>
        <translation>l’exécution a construit plus de %1 octets de valeurs</translation>
    </message>
    <message>
        <source>line %1, column %2: the input is not JSON: %3</source>
        <translation>ligne %1, colonne %2 : l’entrée n’est pas du JSON : %3</translation>
    </message>
    <message>
        <source>first written here</source>
        <translation>première écriture ici</translation>
    </message>
    <message>
        <source>first defined here</source>
        <translation>première définition ici</translation>
    </message>
    <message>
        <source>`%1` is written here</source>
        <translation>`%1` est écrit ici</translation>
    </message>
    <message>
        <source>did you mean `%1`?</source>
        <translation>vouliez-vous dire `%1` ?</translation>
    </message>
    <message>
        <source>remove the unused `%1`</source>
        <translation>supprimer le `%1` inutilisé</translation>
    </message>
    <message>
        <source>add the header `mapping "untitled" version 2`</source>
        <translation>ajouter l’en-tête `mapping "untitled" version 2`</translation>
    </message>
    <message>
        <source>change the header to `version 2`</source>
        <translation>changer l’en-tête en `version 2`</translation>
    </message>
    <message>
        <source>an object block</source>
        <translation>un bloc objet</translation>
    </message>
    <message>
        <source>an array block (`each`)</source>
        <translation>un bloc tableau (`each`)</translation>
    </message>
    <message>
        <source>a `when` block</source>
        <translation>un bloc `when`</translation>
    </message>
    <message>
        <source>an array literal</source>
        <translation>un littéral tableau</translation>
    </message>
    <message>
        <source>an object literal</source>
        <translation>un littéral objet</translation>
    </message>
    <message>
        <source>a JSONPath query</source>
        <translation>une requête JSONPath</translation>
    </message>
    <message>
        <source>the `??` operator</source>
        <translation>l’opérateur `??`</translation>
    </message>
    <message>
        <source>the pipe `|`</source>
        <translation>le tube `|`</translation>
    </message>
    <message>
        <source>reading `%1` from a value</source>
        <translation>la lecture de `%1` dans une valeur</translation>
    </message>
    <message>
        <source>the function `%1`</source>
        <translation>la fonction `%1`</translation>
    </message>
    <message>
        <source>the array form of `%1`</source>
        <translation>la forme tableau de `%1`</translation>
    </message>
    <message>
        <source>a table holds constants: `%1` is not a literal</source>
        <translation>une table contient des constantes : `%1` n’est pas un littéral</translation>
    </message>
    <message>
        <source>an operand or argument has the wrong type</source>
        <translation>un opérande ou un argument n’a pas le bon type</translation>
    </message>
    <message>
        <source>division by zero, or a result that is not a finite number</source>
        <translation>division par zéro, ou résultat qui n’est pas un nombre fini</translation>
    </message>
    <message>
        <source>an argument has an invalid value</source>
        <translation>un argument a une valeur invalide</translation>
    </message>
    <message>
        <source>cannot write `%1`: `%2` is %3</source>
        <translation>impossible d’écrire `%1` : `%2` est %3</translation>
    </message>
    <message>
        <source>`each` needs an array, not %1</source>
        <translation>`each` demande un tableau, pas %1</translation>
    </message>
    <message>
        <source>a construct the engine cannot run</source>
        <translation>une construction que le moteur ne sait pas exécuter</translation>
    </message>
    <message>
        <source>the key `%1` appears twice; the later value is used</source>
        <translation>la clé `%1` apparaît deux fois ; la dernière valeur est utilisée</translation>
    </message>
    <message>
        <source>expected %1, found %2 %3</source>
        <translation>attendu : %1 ; trouvé : %2 %3</translation>
    </message>
    <message>
        <source>expected a function name after '|', found %1 %2</source>
        <translation>nom de fonction attendu après '|' ; trouvé : %1 %2</translation>
    </message>
    <message>
        <source>`%1` cannot take %2 and %3</source>
        <translation>`%1` ne peut pas prendre %2 et %3</translation>
    </message>
    <message>
        <source>`%1` cannot take %2</source>
        <translation>`%1` ne peut pas prendre %2</translation>
    </message>
    <message>
        <source>`%1` needs two integers, not %2 and %3</source>
        <translation>`%1` demande deux entiers, pas %2 et %3</translation>
    </message>
    <message>
        <source>%1 must be a boolean, not %2</source>
        <translation>%1 doit être un booléen, pas %2</translation>
    </message>
    <message>
        <source>the condition of `%1` must be a boolean, not %2</source>
        <translation>la condition de `%1` doit être un booléen, pas %2</translation>
    </message>
    <message>
        <source>argument %2 of `%1` must be %3, not %4</source>
        <translation>l’argument %2 de `%1` doit être %3, pas %4</translation>
    </message>
    <message>
        <source>`%1` can only order numbers or strings, not %2</source>
        <translation>`%1` ne sait ordonner que des nombres ou des chaînes, pas %2</translation>
    </message>
    <message>
        <source>`%1` cannot order numbers and strings together</source>
        <translation>`%1` ne peut pas ordonner ensemble des nombres et des chaînes</translation>
    </message>
    <message>
        <source>a key of `%1` is missing</source>
        <translation>une clé de `%1` est absente</translation>
    </message>
    <message>
        <source>a key of `%1` must be a string, number or boolean, not %2</source>
        <translation>une clé de `%1` doit être une chaîne, un nombre ou un booléen, pas %2</translation>
    </message>
    <message>
        <source>`%1` can only add numbers, not %2</source>
        <translation>`%1` ne sait additionner que des nombres, pas %2</translation>
    </message>
    <message>
        <source>`%1` cannot join %2</source>
        <translation>`%1` ne peut pas joindre %2</translation>
    </message>
    <message>
        <source>`%1` cannot compare %2 with %3</source>
        <translation>`%1` ne peut pas comparer %2 avec %3</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>division par zéro</translation>
    </message>
    <message>
        <source>the result is not a finite number</source>
        <translation>le résultat n’est pas un nombre fini</translation>
    </message>
    <message>
        <source>`%1` needs a start and a count that are not negative</source>
        <translation>`%1` demande un début et une longueur qui ne soient pas négatifs</translation>
    </message>
    <message>
        <source>`%1` cannot search for an empty string</source>
        <translation>`%1` ne peut pas rechercher une chaîne vide</translation>
    </message>
    <message>
        <source>`%1` cannot read a number from "%2"</source>
        <translation>`%1` ne peut pas lire de nombre dans « %2 »</translation>
    </message>
    <message>
        <source>`%1` cannot read a boolean from "%2"</source>
        <translation>`%1` ne peut pas lire de booléen dans « %2 »</translation>
    </message>
    <message>
        <source>the separator of `%1` matches the empty string</source>
        <translation>le séparateur de `%1` correspond à la chaîne vide</translation>
    </message>
    <message>
        <source>the padding of `%1` must be one character</source>
        <translation>le remplissage de `%1` doit être un seul caractère</translation>
    </message>
    <message>
        <source>invalid replacement for `%1`: %2</source>
        <translation>remplacement invalide pour `%1` : %2</translation>
    </message>
    <message>
        <source>`%1`: expected %2 at position %3 of "%4"</source>
        <translation>`%1` : à la position %3 de « %4 », on attendait %2</translation>
    </message>
    <message>
        <source>`%1`: "%2" has an invalid zone offset</source>
        <translation>`%1` : « %2 » a un décalage horaire invalide</translation>
    </message>
    <message>
        <source>`%1`: "%2" is not a valid date</source>
        <translation>`%1` : « %2 » n’est pas une date valide</translation>
    </message>
    <message>
        <source>`%1`: unknown directive %%2</source>
        <translation>`%1` : directive %%2 inconnue</translation>
    </message>
    <message>
        <source>`%1`: the year %2 does not fit %Y (0000 to 9999)</source>
        <translation>`%1` : l’année %2 ne tient pas dans %Y (0000 à 9999)</translation>
    </message>
    <message>
        <source>a zone offset</source>
        <translation>un décalage horaire</translation>
    </message>
    <message>
        <source>the end of the text</source>
        <translation>la fin du texte</translation>
    </message>
    <message>
        <source>`%1`: the text is not Base64</source>
        <translation>`%1` : le texte n’est pas du Base64</translation>
    </message>
    <message>
        <source>`%1`: the decoded bytes are not UTF-8 text</source>
        <translation>`%1` : les octets décodés ne sont pas du texte UTF-8</translation>
    </message>
    <message>
        <source>`%1`: the text is not JSON</source>
        <translation>`%1` : le texte n’est pas du JSON</translation>
    </message>
    <message>
        <source>cannot write `%1`: the output is %2</source>
        <translation>impossible d’écrire `%1` : la sortie est %2</translation>
    </message>
    <message>
        <source>the operator `%1` is evaluated elsewhere</source>
        <translation>l’opérateur `%1` est évalué ailleurs</translation>
    </message>
    <message>
        <source>the V1 engine does not run blocks</source>
        <translation>le moteur V1 n’exécute pas les blocs</translation>
    </message>
    <message>
        <source>the V1 engine does not run version 2 expressions</source>
        <translation>le moteur V1 n’exécute pas les expressions de la version 2</translation>
    </message>
    <message>
        <source>no function `%1` takes %2 argument(s)</source>
        <translation>aucune fonction `%1` ne prend %2 argument(s)</translation>
    </message>
    <message>
        <source>unknown plan node</source>
        <translation>nœud de plan inconnu</translation>
    </message>
    <message>
        <source>this function has no implementation</source>
        <translation>cette fonction n’a pas d’implémentation</translation>
    </message>
    <message>
        <source>line %1: internal error: %2</source>
        <translation>ligne %1 : erreur interne : %2</translation>
    </message>
    <message>
        <source>null</source>
        <translation>la valeur null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>un entier</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>une valeur</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>une valeur absente</translation>
    </message>
    <message>
        <source>a string, number or boolean</source>
        <translation>une chaîne, un nombre ou un booléen</translation>
    </message>
    <message>
        <source>a boolean, string or number</source>
        <translation>un booléen, une chaîne ou un nombre</translation>
    </message>
    <message>
        <source>a string, array or object</source>
        <translation>une chaîne, un tableau ou un objet</translation>
    </message>
    <message>
        <source>a number or a string</source>
        <translation>un nombre ou une chaîne</translation>
    </message>
    <message>
        <source>a string or an array</source>
        <translation>une chaîne ou un tableau</translation>
    </message>
    <message>
        <source>the operand of `not`</source>
        <translation>l’opérande de `not`</translation>
    </message>
    <message>
        <source>an operand of `and`</source>
        <translation>un opérande de `and`</translation>
    </message>
    <message>
        <source>an operand of `or`</source>
        <translation>un opérande de `or`</translation>
    </message>
    <message>
        <source>the condition of `when`</source>
        <translation>la condition de `when`</translation>
    </message>
    <message>
        <source>end of file</source>
        <translation>fin de fichier</translation>
    </message>
    <message>
        <source>end of line</source>
        <translation>fin de ligne</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>entier</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <source>JSONPath query</source>
        <translation>requête JSONPath</translation>
    </message>
    <message>
        <source>invalid character</source>
        <translation>caractère invalide</translation>
    </message>
    <message>
        <source>the mapping's name (a string)</source>
        <translation>le nom du mapping (une chaîne)</translation>
    </message>
    <message>
        <source>a version number</source>
        <translation>un numéro de version</translation>
    </message>
    <message>
        <source>a statement</source>
        <translation>une instruction</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>un nom</translation>
    </message>
    <message>
        <source>a name after 'as'</source>
        <translation>un nom après 'as'</translation>
    </message>
    <message>
        <source>'{' (a table is an object literal)</source>
        <translation>'{' (une table est un littéral objet)</translation>
    </message>
    <message>
        <source>'&lt;-', '{' or '[] &lt;- each' after the target</source>
        <translation>'&lt;-', '{' ou '[] &lt;- each' après la cible</translation>
    </message>
    <message>
        <source>a field name after '.'</source>
        <translation>un nom de champ après '.'</translation>
    </message>
    <message>
        <source>an expression</source>
        <translation>une expression</translation>
    </message>
    <message>
        <source>a key</source>
        <translation>une clé</translation>
    </message>
    <message>
        <source>an index (a non-negative integer)</source>
        <translation>un indice (un entier positif ou nul)</translation>
    </message>
    <message>
        <source>',' or ']'</source>
        <translation>',' ou ']'</translation>
    </message>
    <message>
        <source>',' or '}'</source>
        <translation>',' ou '}'</translation>
    </message>
    <message>
        <source>',' or ')'</source>
        <translation>',' ou ')'</translation>
    </message>
    <message>
        <source>a number does not start with 0</source>
        <translation>un nombre ne commence pas par 0</translation>
    </message>
    <message>
        <source>expected a digit after '.'</source>
        <translation>un chiffre est attendu après '.'</translation>
    </message>
    <message>
        <source>expected a digit in the exponent</source>
        <translation>un chiffre est attendu dans l’exposant</translation>
    </message>
    <message>
        <source>a number is not followed by letters</source>
        <translation>un nombre n’est pas suivi de lettres</translation>
    </message>
    <message>
        <source>out of the range of a double</source>
        <translation>hors de l’intervalle d’un double</translation>
    </message>
    <message>
        <source>an index must fit in 64 bits</source>
        <translation>un indice doit tenir sur 64 bits</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>un dictionnaire</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>`%1` takes %2 or %3, not %4</source>
        <translation>`%1` prend %2 ou %3, pas %4</translation>
    </message>
    <message>
        <source>no arguments</source>
        <translation>aucun argument</translation>
    </message>
    <message>
        <source>1 argument</source>
        <translation>un seul argument</translation>
    </message>
    <message>
        <source>%1 arguments</source>
        <translation>exactement %1 arguments</translation>
    </message>
    <message>
        <source>0 to 1 argument</source>
        <translation>0 à 1 argument</translation>
    </message>
    <message>
        <source>%1 to %2 arguments</source>
        <translation>%1 à %2 arguments</translation>
    </message>
    <message>
        <source>at least 1 argument</source>
        <translation>au moins 1 argument</translation>
    </message>
    <message>
        <source>at least %1 arguments</source>
        <translation>au moins %1 arguments</translation>
    </message>
    <message>
        <source>invalid UTF-8 at offset %1 of the pattern</source>
        <translation>UTF-8 invalide à la position %1 du motif</translation>
    </message>
    <message>
        <source>unbalanced ')' at offset %1 of the pattern</source>
        <translation>')' sans '(' à la position %1 du motif</translation>
    </message>
    <message>
        <source>nothing to repeat before '%2' at offset %1 of the pattern</source>
        <translation>rien à répéter avant '%2' à la position %1 du motif</translation>
    </message>
    <message>
        <source>'%2' must be escaped at offset %1 of the pattern</source>
        <translation>'%2' doit être échappé à la position %1 du motif</translation>
    </message>
    <message>
        <source>unclosed '(' at offset %1 of the pattern</source>
        <translation>'(' non fermée à la position %1 du motif</translation>
    </message>
    <message>
        <source>expected a number after '{' at offset %1 of the pattern</source>
        <translation>nombre attendu après '{' à la position %1 du motif</translation>
    </message>
    <message>
        <source>expected '}' to close the repetition at offset %1 of the pattern</source>
        <translation>'}' attendue pour fermer la répétition à la position %1 du motif</translation>
    </message>
    <message>
        <source>the repetition's maximum is below its minimum at offset %1 of the pattern</source>
        <translation>le maximum de la répétition est inférieur à son minimum à la position %1 du motif</translation>
    </message>
    <message>
        <source>the pattern ends with '\' at offset %1 of the pattern</source>
        <translation>le motif se termine par '\' à la position %1 du motif</translation>
    </message>
    <message>
        <source>invalid escape '\%2' at offset %1 of the pattern</source>
        <translation>échappement '\%2' invalide à la position %1 du motif</translation>
    </message>
    <message>
        <source>expected '{' after \p or \P at offset %1 of the pattern</source>
        <translation>'{' attendue après \p ou \P à la position %1 du motif</translation>
    </message>
    <message>
        <source>expected '}' to close the category at offset %1 of the pattern</source>
        <translation>'}' attendue pour fermer la catégorie à la position %1 du motif</translation>
    </message>
    <message>
        <source>unknown Unicode category '%2' at offset %1 of the pattern</source>
        <translation>catégorie Unicode '%2' inconnue à la position %1 du motif</translation>
    </message>
    <message>
        <source>\p{Cn} inside a character class is not supported at offset %1 of the pattern</source>
        <translation>\p{Cn} n’est pas accepté dans une classe de caractères à la position %1 du motif</translation>
    </message>
    <message>
        <source>'%2' must be escaped in a character class at offset %1 of the pattern</source>
        <translation>'%2' doit être échappé dans une classe de caractères à la position %1 du motif</translation>
    </message>
    <message>
        <source>unclosed '[' at offset %1 of the pattern</source>
        <translation>'[' non fermé à la position %1 du motif</translation>
    </message>
    <message>
        <source>'-' must be escaped in a character class unless it comes first or last at offset %1 of the pattern</source>
        <translation>'-' doit être échappé dans une classe de caractères, sauf en première ou en dernière place, à la position %1 du motif</translation>
    </message>
    <message>
        <source>a range cannot end with a category at offset %1 of the pattern</source>
        <translation>un intervalle ne peut pas finir par une catégorie à la position %1 du motif</translation>
    </message>
    <message>
        <source>the range's end comes before its start at offset %1 of the pattern</source>
        <translation>la fin de l’intervalle précède son début à la position %1 du motif</translation>
    </message>
    <message>
        <source>empty character class at offset %1 of the pattern</source>
        <translation>classe de caractères vide à la position %1 du motif</translation>
    </message>
    <message>
        <source>the separator matches the empty string</source>
        <translation>le séparateur correspond à la chaîne vide</translation>
    </message>
    <message>
        <source>Rewrite schema error: '\' not allowed at end.</source>
        <translation>le remplacement ne peut pas finir par '\'</translation>
    </message>
    <message>
        <source>Rewrite schema error: '\' must be followed by a digit or '\'.</source>
        <translation>dans le remplacement, '\' doit être suivi d’un chiffre ou de '\'</translation>
    </message>
    <message>
        <source>Rewrite schema requests %1 matches, but the regexp only has %2 parenthesized subexpressions.</source>
        <translation>le remplacement demande le groupe %1, mais le motif n’a que %2 groupes entre parenthèses</translation>
    </message>
</context>
<context>
    <name>studio::FilesController</name>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>le fichier dépasse %1 Mo</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>le fichier n’est pas du texte UTF-8</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>Impossible d’ouvrir %1 :
%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source># target &lt;- source, e.g.:</source>
        <translation># cible &lt;- source, par exemple :</translation>
    </message>
    <message>
        <source>Save Mapping</source>
        <translation>Enregistrer le mapping</translation>
    </message>
    <message>
        <source>Mappings (*.mdsl);;All files (*)</source>
        <translation>Mappings (*.mdsl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cannot save %1:
%2</source>
        <translation>Impossible d’enregistrer %1 :
%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Load Sample Input</source>
        <translation>Charger l’entrée d’exemple</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot load %1:
%2</source>
        <translation>Impossible de charger %1 :
%2</translation>
    </message>
    <message>
        <source>Open Mapping</source>
        <translation>Ouvrir un mapping</translation>
    </message>
    <message>
        <source>Mappings (*.mdsl);;JSON sample inputs (*.json);;Repro bundles (*.mdslrepro);;All files (*)</source>
        <translation>Mappings (*.mdsl);;Entrées d’exemple JSON (*.json);;Paquets de reproduction (*.mdslrepro);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them?</source>
        <translation>« %1 » a des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Mapping Studio was closed without saving “%1” (autosaved %2). Restore the unsaved text?</source>
        <translation>Mapping Studio a été fermé sans enregistrer « %1 » (sauvegarde automatique du %2). Restaurer le texte non enregistré ?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Loading %1 (%2)…</source>
        <translation>Chargement de %1 (%2)…</translation>
    </message>
</context>
<context>
    <name>studio::FindBar</name>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Tout remplacer</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>Occurrences : %1</translation>
    </message>
</context>
<context>
    <name>studio::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Mapping Studio</source>
        <translation>À &amp;propos de Mapping Studio</translation>
    </message>
    <message>
        <source>%1[*] — Mapping Studio</source>
        <translation>%1[*] — Mapping Studio</translation>
    </message>
    <message>
        <source>Line %1, Column %2</source>
        <translation>Ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>About Mapping Studio</source>
        <translation>À propos de Mapping Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mapping Studio %1&lt;/h3&gt;&lt;p&gt;Editor and debugger for the Mapping DSL.&lt;/p&gt;&lt;p&gt;Engine %2, language versions 1 and 2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mapping Studio %1&lt;/h3&gt;&lt;p&gt;Éditeur et débogueur du Mapping DSL.&lt;/p&gt;&lt;p&gt;Moteur %2, versions 1 et 2 du langage.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import Flag File</source>
        <translation>Importer un fichier de drapeaux</translation>
    </message>
    <message>
        <source>Export Flag File</source>
        <translation>Exporter le fichier de drapeaux</translation>
    </message>
    <message>
        <source>Cannot write %1:
%2</source>
        <translation>Impossible d’écrire %1 :
%2</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Load Sample &amp;Input…</source>
        <translation>Charger l’&amp;entrée d’exemple…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>R&amp;emplacer…</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>Aller à la &amp;ligne…</translation>
    </message>
    <message>
        <source>Toggle &amp;Comment</source>
        <translation>&amp;Commenter/décommenter</translation>
    </message>
    <message>
        <source>F&amp;ormat Document</source>
        <translation>&amp;Mettre en forme le document</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Compléter</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>&amp;Run Preview</source>
        <translation>&amp;Exécuter l’aperçu</translation>
    </message>
    <message>
        <source>&amp;Next Difference</source>
        <translation>Différence &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous Difference</source>
        <translation>Différence &amp;précédente</translation>
    </message>
    <message>
        <source>Pin &amp;V1 Side to File…</source>
        <translation>Épingler le côté &amp;V1 à un fichier…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuration</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Flag &amp;Profile</source>
        <translation>&amp;Profil de drapeaux</translation>
    </message>
    <message>
        <source>&amp;Import Flag File…</source>
        <translation>&amp;Importer un fichier de drapeaux…</translation>
    </message>
    <message>
        <source>&amp;Export Flag File…</source>
        <translation>&amp;Exporter le fichier de drapeaux…</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>&amp;Exemples</translation>
    </message>
    <message>
        <source>The document cannot be formatted.</source>
        <translation>Le document ne peut pas être mis en forme.</translation>
    </message>
    <message>
        <source>Not formatted: line %1: %2</source>
        <translation>Non mis en forme : ligne %1 : %2</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Aller à la ligne</translation>
    </message>
    <message>
        <source>Line (1–%1):</source>
        <translation>Ligne (1–%1) :</translation>
    </message>
    <message>
        <source>%1 was not imported:
%2</source>
        <translation>%1 n’a pas été importé :
%2</translation>
    </message>
    <message>
        <source>Flags imported from %1</source>
        <translation>Drapeaux importés depuis %1</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Debug</source>
        <translation>&amp;Déboguer</translation>
    </message>
</context>
<context>
    <name>studio::JsonError</name>
    <message>
        <source>the end of the text</source>
        <translation>la fin du texte</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>une valeur</translation>
    </message>
    <message>
        <source>not a value: a value is true, false, null, a number, a string, an object or an array</source>
        <translation>pas une valeur : une valeur est true, false, null, un nombre, une chaîne, un objet ou un tableau</translation>
    </message>
    <message>
        <source>a string has no closing quote</source>
        <translation>une chaîne n’a pas de guillemet fermant</translation>
    </message>
    <message>
        <source>a string holds a byte that is not UTF-8</source>
        <translation>une chaîne contient un octet qui n’est pas de l’UTF-8</translation>
    </message>
    <message>
        <source>a backslash in a string is followed by a character that cannot be escaped</source>
        <translation>une barre oblique inverse dans une chaîne est suivie d’un caractère qui ne s’échappe pas</translation>
    </message>
    <message>
        <source>\u in a string must be followed by 4 hexadecimal digits</source>
        <translation>\u dans une chaîne doit être suivi de 4 chiffres hexadécimaux</translation>
    </message>
    <message>
        <source>the control character %1 in a string must be escaped</source>
        <translation>le caractère de contrôle %1 dans une chaîne doit être échappé</translation>
    </message>
    <message>
        <source>a malformed number</source>
        <translation>un nombre mal formé</translation>
    </message>
    <message>
        <source>the number %1 is too large</source>
        <translation>le nombre %1 est trop grand</translation>
    </message>
    <message>
        <source>unexpected %1</source>
        <translation>élément inattendu : %1</translation>
    </message>
    <message>
        <source>%1 where %2 was expected</source>
        <translation>%1 au lieu de %2</translation>
    </message>
    <message>
        <source>%1, at '%2'</source>
        <translation>%1, à « %2 »</translation>
    </message>
</context>
<context>
    <name>studio::MappingBackend</name>
    <message>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>The sample input is not valid JSON (%1).</source>
        <translation>L’entrée d’exemple n’est pas du JSON valide (%1).</translation>
    </message>
    <message>
        <source>No sample input yet: type one, load one or drop a JSON file.</source>
        <translation>Pas encore d’entrée d’exemple : saisissez-en une, chargez-en une ou déposez un fichier JSON.</translation>
    </message>
    <message>
        <source>The sample input is not valid JSON: %1.</source>
        <translation>L’entrée d’exemple n’est pas du JSON valide : %1.</translation>
    </message>
    <message>
        <source>The sample input is not valid JSON (%1): %2.</source>
        <translation>L’entrée d’exemple n’est pas du JSON valide (%1) : %2.</translation>
    </message>
</context>
<context>
    <name>studio::MigrateController</name>
    <message>
        <source>Lines %1–%2</source>
        <translation>Lignes %1–%2</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Ligne %1</translation>
    </message>
    <message>
        <source>the header says `version 2` instead of `version 1`</source>
        <translation>l’en-tête dit `version 2` au lieu de `version 1`</translation>
    </message>
    <message>
        <source>the header gets `version 2`</source>
        <translation>l’en-tête reçoit `version 2`</translation>
    </message>
    <message>
        <source>a header %1 is added (the document had none)</source>
        <translation>un en-tête %1 est ajouté (le document n’en avait pas)</translation>
    </message>
    <message>
        <source>%1 rules under %2 become an object block</source>
        <translation>%1 règles sous %2 deviennent un bloc objet</translation>
    </message>
    <message>
        <source>%1 becomes %2</source>
        <translation>%1 devient %2</translation>
    </message>
    <message>
        <source>not rewritten: %1 rules under %2 stay separate, an object block needs the flag %3, which is off</source>
        <translation>non réécrit : %1 règles sous %2 restent séparées, un bloc objet demande le drapeau %3, qui est désactivé</translation>
    </message>
    <message>
        <source>not rewritten: %1 stays a call, `??` needs the flag %2, which is off</source>
        <translation>non réécrit : %1 reste un appel, `??` demande le drapeau %2, qui est désactivé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Migrate to V2</source>
        <translation>Migrer vers V2</translation>
    </message>
    <message>
        <source>Mappings (*.mdsl);;All files (*)</source>
        <translation>Mappings (*.mdsl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>Impossible d’ouvrir %1 :
%2</translation>
    </message>
    <message>
        <source>%1 is already version 2: there is nothing to migrate.</source>
        <translation>%1 est déjà en version 2 : il n’y a rien à migrer.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <source>%1 has errors, so it is not migrated. Open it and fix them first:
%2</source>
        <translation>%1 contient des erreurs, il n’est donc pas migré. Ouvrez-le et corrigez-les d’abord :
%2</translation>
    </message>
    <message>
        <source>%1 is not migrated: production runs no version 2 mapping while the flag %2 is off (Settings).</source>
        <translation>%1 n’est pas migré : la production n’exécute aucun mapping en version 2 tant que le drapeau %2 est désactivé (Paramètres).</translation>
    </message>
    <message>
        <source>%1 is not migrated: %2</source>
        <translation>%1 n’est pas migré : %2</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>Migrated %1 to version 2: %2 changes (Migration tab), V1 side pinned to the original</source>
        <translation>%1 migré en version 2 : %2 modifications (onglet Migration), côté V1 épinglé à l’original</translation>
    </message>
    <message>
        <source>Check on a Corpus</source>
        <translation>Vérifier sur un corpus</translation>
    </message>
    <message>
        <source>NDJSON corpora (*.ndjson *.jsonl);;All files (*)</source>
        <translation>Corpus NDJSON (*.ndjson *.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>The corpus check stopped: %1</source>
        <translation>La vérification sur le corpus s’est arrêtée : %1</translation>
    </message>
    <message>
        <source>The original does not run on V1: the corpus cannot be compared.</source>
        <translation>L’original ne s’exécute pas sur V1 : le corpus ne peut pas être comparé.</translation>
    </message>
    <message>
        <source>This text does not run on V2: fix its problems, then check again.</source>
        <translation>Ce texte ne s’exécute pas sur V2 : corrigez ses problèmes, puis vérifiez de nouveau.</translation>
    </message>
    <message>
        <source>%1 of %2 records differ (corpus lines %3): this text does not give what the original gives.</source>
        <translation>%1 enregistrements sur %2 diffèrent (lignes du corpus %3) : ce texte ne donne pas ce que donne l’original.</translation>
    </message>
    <message>
        <source>The corpus has no record to compare.</source>
        <translation>Le corpus n’a aucun enregistrement à comparer.</translation>
    </message>
    <message>
        <source>Identical on all %1 records: the original on V1 and this text on V2 give the same status and output.</source>
        <translation>Identique sur les %1 enregistrements : l’original sur V1 et ce texte sur V2 donnent le même statut et la même sortie.</translation>
    </message>
    <message>
        <source>%1 lines of the corpus are not valid input and were not run.</source>
        <translation>%1 lignes du corpus ne sont pas une entrée valide et n’ont pas été exécutées.</translation>
    </message>
    <message>
        <source>No migration yet: File &gt; Migrate to V2… rewrites a version 1 mapping as version 2.</source>
        <translation>Aucune migration pour l’instant : Fichier &gt; Migrer vers V2… réécrit un mapping en version 1 en version 2.</translation>
    </message>
    <message>
        <source>Migrated from %1. The preview's V1 side runs the original, its V2 side this text; line numbers are the original's.</source>
        <translation>Migré depuis %1. Le côté V1 de l’aperçu exécute l’original, son côté V2 ce texte ; les numéros de ligne sont ceux de l’original.</translation>
    </message>
    <message>
        <source>&amp;Migrate to V2…</source>
        <translation>&amp;Migrer vers V2…</translation>
    </message>
    <message>
        <source>Rewrite a version 1 mapping as version 2 and open it beside the original</source>
        <translation>Réécrire un mapping en version 1 en version 2 et l’ouvrir à côté de l’original</translation>
    </message>
    <message>
        <source>Check on a Corpus…</source>
        <translation>Vérifier sur un corpus…</translation>
    </message>
    <message>
        <source>Run the original on V1 and this text on V2 over every record of an NDJSON corpus</source>
        <translation>Exécuter l’original sur V1 et ce texte sur V2 sur chaque enregistrement d’un corpus NDJSON</translation>
    </message>
</context>
<context>
    <name>studio::PreviewController</name>
    <message>
        <source>The text changed since it was checked; try the fix again in a moment.</source>
        <translation>Le texte a changé depuis sa vérification ; réessayez la correction dans un instant.</translation>
    </message>
    <message>
        <source>Pin V1 Side</source>
        <translation>Épingler le côté V1</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>Impossible d’ouvrir %1 :
%2</translation>
    </message>
    <message>
        <source>Pin V1 Side to File</source>
        <translation>Épingler le côté V1 à un fichier</translation>
    </message>
    <message>
        <source>Mappings (*.mdsl);;All files (*)</source>
        <translation>Mappings (*.mdsl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Dry-run: %1</source>
        <translation>Exécution à blanc : %1</translation>
    </message>
</context>
<context>
    <name>studio::PreviewPanel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalide</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>non exécuté</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <source>updating…</source>
        <translation>mise à jour…</translation>
    </message>
    <message>
        <source>No output: the mapping is invalid for this engine.</source>
        <translation>Pas de sortie : le mapping est invalide pour ce moteur.</translation>
    </message>
    <message>
        <source>No output.</source>
        <translation>Pas de sortie.</translation>
    </message>
    <message>
        <source>%1:%2 %3 %4</source>
        <translation>%1:%2 %3 %4</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>%1 — V1: %2 · V2: %3</source>
        <translation>%1 — V1 : %2 · V2 : %3</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>No comparison: one side has no output</source>
        <translation>Pas de comparaison : un côté n’a pas de sortie</translation>
    </message>
    <message>
        <source>Outputs identical</source>
        <translation>Sorties identiques</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sample input&lt;/b&gt;</source>
        <translation>&lt;b&gt;Entrée d’exemple&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Charger…</translation>
    </message>
    <message>
        <source>Load the sample input from a JSON file (or drop one on the window)</source>
        <translation>Charger l’entrée d’exemple depuis un fichier JSON (ou en déposer un sur la fenêtre)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Run the preview now</source>
        <translation>Exécuter l’aperçu maintenant</translation>
    </message>
    <message>
        <source>Pin V1 to File…</source>
        <translation>Épingler V1 à un fichier…</translation>
    </message>
    <message>
        <source>Unpin V1</source>
        <translation>Détacher V1</translation>
    </message>
    <message>
        <source>Run the V1 side on another mapping file, e.g. the V1 original of a migrated mapping</source>
        <translation>Exécuter le côté V1 sur un autre fichier de mapping, par exemple l’original V1 d’un mapping migré</translation>
    </message>
    <message>
        <source>Previous difference</source>
        <translation>Différence précédente</translation>
    </message>
    <message>
        <source>Next difference</source>
        <translation>Différence suivante</translation>
    </message>
    <message>
        <source>Type or drop a JSON sample input here</source>
        <translation>Saisissez ou déposez ici une entrée d’exemple JSON</translation>
    </message>
    <message>
        <source>Differences: %1</source>
        <translation>Différences : %1</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>enregistrée</translation>
    </message>
    <message>
        <source>%1 — Production: %2 · Ours: %3</source>
        <translation>%1 — Production : %2 · Chez nous : %3</translation>
    </message>
    <message>
        <source>Reproduced: same output as production</source>
        <translation>Reproduit : même sortie que la production</translation>
    </message>
    <message>
        <source>Differences from production: %1</source>
        <translation>Différences avec la production : %1</translation>
    </message>
    <message>
        <source>Not reproduced: our run is %1</source>
        <translation>Non reproduit : notre exécution est %1</translation>
    </message>
    <message>
        <source>Production (recorded)</source>
        <translation>Production (enregistrée)</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Ours: V1 engine</source>
        <translation>Chez nous : moteur V1</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Chez nous</translation>
    </message>
    <message>
        <source>Ours: V2 engine</source>
        <translation>Chez nous : moteur V2</translation>
    </message>
    <message>
        <source>V1 engine</source>
        <translation>Moteur V1</translation>
    </message>
    <message>
        <source>V1 engine on %1</source>
        <translation>Moteur V1 sur %1</translation>
    </message>
    <message>
        <source>V2 engine</source>
        <translation>Moteur V2</translation>
    </message>
    <message>
        <source>Production serves V1 by fallback (V2 failed)</source>
        <translation>La production sert V1 en repli (V2 a échoué)</translation>
    </message>
    <message>
        <source>V1 by fallback</source>
        <translation>V1 en repli</translation>
    </message>
    <message>
        <source>Production serves %1</source>
        <translation>La production sert %1</translation>
    </message>
    <message>
        <source>Indexing the sample input (%1)…</source>
        <translation>Indexation de l’entrée d’exemple (%1)…</translation>
    </message>
    <message>
        <source>Reading the pasted sample input (%1)…</source>
        <translation>Lecture de l’entrée d’exemple collée (%1)…</translation>
    </message>
    <message>
        <source>Rename Sample</source>
        <translation>Renommer l’exemple</translation>
    </message>
    <message>
        <source>Name of the sample input:</source>
        <translation>Nom de l’entrée d’exemple :</translation>
    </message>
    <message>
        <source>Remove Sample</source>
        <translation>Supprimer l’exemple</translation>
    </message>
    <message>
        <source>Remove the sample input “%1”? Its text is lost.</source>
        <translation>Supprimer l’entrée d’exemple « %1 » ? Son texte sera perdu.</translation>
    </message>
    <message>
        <source>The mapping's sample inputs: each is kept with the mapping, in its workspace file</source>
        <translation>Les entrées d’exemple du mapping : chacune est conservée avec le mapping, dans son fichier d’espace de travail</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <source>New Sample</source>
        <translation>Nouvel exemple</translation>
    </message>
    <message>
        <source>Duplicate Sample</source>
        <translation>Dupliquer l’exemple</translation>
    </message>
    <message>
        <source>Rename Sample…</source>
        <translation>Renommer l’exemple…</translation>
    </message>
    <message>
        <source>Remove Sample…</source>
        <translation>Supprimer l’exemple…</translation>
    </message>
    <message>
        <source>%1, 1 line, read-only</source>
        <translation>%1, 1 ligne, en lecture seule</translation>
    </message>
    <message>
        <source>%1, %2 lines, read-only</source>
        <translation>%1, %2 lignes, en lecture seule</translation>
    </message>
    <message>
        <source>Click a side's name to select its rule in the editor</source>
        <translation>Cliquez sur le nom d’un côté pour sélectionner sa règle dans l’éditeur</translation>
    </message>
    <message>
        <source>Sample input: %1 %2</source>
        <translation>Entrée d’exemple : %1 %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>studio::ProblemsPanel</name>
    <message>
        <source>No problems</source>
        <translation>Aucun problème</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Corriger : %1</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Go to Problem</source>
        <translation>Aller au problème</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Errors: %1 · Warnings: %2</source>
        <translation>Erreurs : %1 · avertissements : %2</translation>
    </message>
</context>
<context>
    <name>studio::RecordingDebugger</name>
    <message>
        <source>source missing</source>
        <translation>source absente</translation>
    </message>
    <message>
        <source>source null</source>
        <translation>source nulle</translation>
    </message>
    <message>
        <source>The sample input is not valid JSON: fix it in the Preview tab, then record again.</source>
        <translation>L’entrée d’exemple n’est pas du JSON valide : corrigez-la dans l’onglet Aperçu, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>The mapping has errors and did not run: see the Problems list.</source>
        <translation>Le mapping contient des erreurs et n’a pas été exécuté : voir la liste des problèmes.</translation>
    </message>
    <message>
        <source>This run wrote nothing: the mapping has no rules to step through.</source>
        <translation>Cette exécution n’a rien écrit : le mapping n’a aucune règle à parcourir.</translation>
    </message>
    <message>
        <source>Only the first %L1 events of this run were recorded.</source>
        <translation>Seuls les %L1 premiers événements de cette exécution ont été enregistrés.</translation>
    </message>
    <message>
        <source>End of the run: no breakpoint ahead.</source>
        <translation>Fin de l’exécution : plus aucun point d’arrêt.</translation>
    </message>
    <message>
        <source>Start of the run: no breakpoint before.</source>
        <translation>Début de l’exécution : aucun point d’arrêt avant.</translation>
    </message>
    <message>
        <source>Stopped at the breakpoint on line %1: its condition is wrong (%2).</source>
        <translation>Arrêt au point d’arrêt de la ligne %1 : sa condition est erronée (%2).</translation>
    </message>
    <message>
        <source>Stopped at the breakpoint on line %1.</source>
        <translation>Arrêt au point d’arrêt de la ligne %1.</translation>
    </message>
    <message>
        <source>The rule at line %1 does not run after this point.</source>
        <translation>La règle de la ligne %1 ne s’exécute plus après ce point.</translation>
    </message>
    <message>
        <source>Array block on line %1</source>
        <translation>Bloc tableau, ligne %1</translation>
    </message>
    <message>
        <source>Rule on line %1</source>
        <translation>Règle, ligne %1</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Valeur de %1</translation>
    </message>
    <message>
        <source>Wrote %1 = %2</source>
        <translation>Écrit %1 = %2</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>Ignoré %1 : %2</translation>
    </message>
    <message>
        <source>Error %1: %2</source>
        <translation>Erreur %1 : %2</translation>
    </message>
    <message>
        <source>Element %1 of the block on line %2</source>
        <translation>Élément %1 du bloc de la ligne %2</translation>
    </message>
    <message>
        <source>End of element %1</source>
        <translation>Fin de l’élément %1</translation>
    </message>
    <message>
        <source>The mapping or its sample input changed since this run was recorded: record again to debug them as they are now.</source>
        <translation>Le mapping ou son entrée d’exemple a changé depuis l’enregistrement de cette exécution : enregistrez à nouveau pour les déboguer tels qu’ils sont.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absente</translation>
    </message>
    <message>
        <source>The input</source>
        <translation>L’entrée</translation>
    </message>
    <message>
        <source>Element %1</source>
        <translation>Élément %1</translation>
    </message>
    <message>
        <source>Array block, line %1</source>
        <translation>Bloc tableau, ligne %1</translation>
    </message>
    <message>
        <source>Rule, line %1</source>
        <translation>Règle, ligne %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>colonne %1</translation>
    </message>
    <message>
        <source>`%1` is not in scope at this rule (it is defined on line %2)</source>
        <translation>`%1` n’est pas accessible dans cette règle (défini ligne %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2) : %3</translation>
    </message>
    <message>
        <source>a watch is one expression, not statements</source>
        <translation>un espion est une seule expression, pas des instructions</translation>
    </message>
    <message>
        <source>a watch is one expression, not statements (%1)</source>
        <translation>un espion est une seule expression, pas des instructions (%1)</translation>
    </message>
    <message>
        <source>the current element was not recorded (the trace is too large)</source>
        <translation>l’élément courant n’a pas été enregistré (la trace est trop grande)</translation>
    </message>
    <message>
        <source>the value of `%1` was not recorded here (the trace is too large)</source>
        <translation>la valeur de `%1` n’a pas été enregistrée ici (la trace est trop grande)</translation>
    </message>
    <message>
        <source>The expression has no value here: a path the data does not have, or a name not set yet.</source>
        <translation>L’expression n’a pas de valeur ici : un chemin absent des données, ou un nom pas encore défini.</translation>
    </message>
</context>
<context>
    <name>studio::ReproController</name>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>le fichier dépasse %1 Mo</translation>
    </message>
    <message>
        <source>Load Production Output</source>
        <translation>Charger la sortie de production</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 (from repro bundle)</source>
        <translation>%1 (du paquet de reproduction)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Repro bundle (this session)</source>
        <translation>Paquet de reproduction (cette session)</translation>
    </message>
    <message>
        <source>This is not a valid repro bundle: %1</source>
        <translation>Ce n’est pas un paquet de reproduction valide : %1</translation>
    </message>
    <message>
        <source>Open Repro Bundle</source>
        <translation>Ouvrir un paquet de reproduction</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>Impossible d’ouvrir %1 :
%2</translation>
    </message>
    <message>
        <source>Opened repro bundle %1</source>
        <translation>Paquet de reproduction %1 ouvert</translation>
    </message>
    <message>
        <source>Cannot load %1:
%2</source>
        <translation>Impossible de charger %1 :
%2</translation>
    </message>
    <message>
        <source>Export Repro Bundle</source>
        <translation>Exporter un paquet de reproduction</translation>
    </message>
    <message>
        <source>The sample input must be JSON to go into a bundle:
%1</source>
        <translation>L’entrée d’exemple doit être du JSON pour aller dans un paquet :
%1</translation>
    </message>
    <message>
        <source>Cannot write %1:
%2</source>
        <translation>Impossible d’écrire %1 :
%2</translation>
    </message>
    <message>
        <source>Repro bundle written to %1</source>
        <translation>Paquet de reproduction écrit dans %1</translation>
    </message>
    <message>
        <source>Repro bundles (*.mdslrepro);;All files (*)</source>
        <translation>Paquets de reproduction (*.mdslrepro);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Notes for whoever opens the bundle (ticket, symptoms, what was tried):</source>
        <translation>Notes pour qui ouvrira le paquet (ticket, symptômes, ce qui a été essayé) :</translation>
    </message>
    <message>
        <source>E&amp;xport Repro Bundle…</source>
        <translation>E&amp;xporter un paquet de reproduction…</translation>
    </message>
    <message>
        <source>Write the mapping, input, flags, clock, versions and production's output to one file</source>
        <translation>Écrire le mapping, l’entrée, les drapeaux, l’horloge, les versions et la sortie de production dans un seul fichier</translation>
    </message>
    <message>
        <source>Load &amp;Production Output…</source>
        <translation>Charger la sortie de &amp;production…</translation>
    </message>
    <message>
        <source>&amp;Close Repro Bundle</source>
        <translation>&amp;Fermer le paquet de reproduction</translation>
    </message>
    <message>
        <source>Flags: repro bundle (not saved)</source>
        <translation>Drapeaux : paquet de reproduction (non enregistrés)</translation>
    </message>
    <message>
        <source>Repro bundle %1</source>
        <translation>Paquet de reproduction %1</translation>
    </message>
    <message>
        <source>Repro bundle</source>
        <translation>Paquet de reproduction</translation>
    </message>
    <message>
        <source>another tool</source>
        <translation>un autre outil</translation>
    </message>
    <message>
        <source>studio %1</source>
        <translation>studio %1</translation>
    </message>
    <message>
        <source>written %1 by %2, engine %3</source>
        <translation>écrit le %1 par %2, moteur %3</translation>
    </message>
    <message>
        <source>this is engine %1</source>
        <translation>ici, moteur %1</translation>
    </message>
    <message>
        <source>route V1-only</source>
        <translation>route V1 seule</translation>
    </message>
    <message>
        <source>route V2-routed</source>
        <translation>route V2 (routée)</translation>
    </message>
    <message>
        <source>clock %1</source>
        <translation>horloge %1</translation>
    </message>
    <message>
        <source>system clock</source>
        <translation>horloge système</translation>
    </message>
    <message>
        <source>the bundle's flags apply to this session only</source>
        <translation>les drapeaux du paquet ne valent que pour cette session</translation>
    </message>
    <message>
        <source>notes: %1</source>
        <translation>notes : %1</translation>
    </message>
    <message>
        <source>Production output from %1</source>
        <translation>Sortie de production de %1</translation>
    </message>
    <message>
        <source>Production output</source>
        <translation>Sortie de production</translation>
    </message>
    <message>
        <source>production says %1 answered</source>
        <translation>selon la production, %1 a répondu</translation>
    </message>
    <message>
        <source>production says V1 answered by fallback</source>
        <translation>selon la production, V1 a répondu en repli</translation>
    </message>
    <message>
        <source>production engine %1</source>
        <translation>moteur de production %1</translation>
    </message>
    <message>
        <source>no production output in the bundle</source>
        <translation>pas de sortie de production dans le paquet</translation>
    </message>
</context>
<context>
    <name>studio::SettingsDialog</name>
    <message>
        <source>Import Flag File</source>
        <translation>Importer un fichier de drapeaux</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>Fichiers YAML (*.yaml *.yml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export Flag File</source>
        <translation>Exporter le fichier de drapeaux</translation>
    </message>
    <message>
        <source>Save Profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Nom du profil :</translation>
    </message>
    <message>
        <source>The flag file was not imported:</source>
        <translation>Le fichier de drapeaux n’a pas été importé :</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importé.</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exporté.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Feature Flags</source>
        <translation>Drapeaux de fonctionnalités</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil :</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(personnalisé)</translation>
    </message>
    <message>
        <source>Save as Profile…</source>
        <translation>Enregistrer comme profil…</translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rollout&lt;/b&gt;</source>
        <translation>&lt;b&gt;Déploiement&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;V2 features&lt;/b&gt;</source>
        <translation>&lt;b&gt;Fonctionnalités V2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Import Flag File…</source>
        <translation>Importer un fichier de drapeaux…</translation>
    </message>
    <message>
        <source>Export Flag File…</source>
        <translation>Exporter le fichier de drapeaux…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Routing of production's endpoints under these flags&lt;/b&gt;</source>
        <translation>&lt;b&gt;Routage des points d’accès de la production avec ces drapeaux&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point d’accès</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème :</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>Suivre le bureau</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>Police :</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Langue de l’interface :</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Run the preview automatically after edits</source>
        <translation>Exécuter l’aperçu automatiquement après les modifications</translation>
    </message>
    <message>
        <source>Delay after the last edit:</source>
        <translation>Délai après la dernière modification :</translation>
    </message>
    <message>
        <source>Pin the clock of now() to:</source>
        <translation>Fixer l’horloge de now() à :</translation>
    </message>
</context>
<context>
    <name>studio::StudioSettings</name>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Rollback: V2 off</source>
        <translation>Retour arrière : V2 désactivée</translation>
    </message>
    <message>
        <source>Route the V2-routed endpoints to the V2 engine</source>
        <translation>Router vers le moteur V2 les points d’accès routés V2</translation>
    </message>
    <message>
        <source>Documents without a version are version 2</source>
        <translation>Les documents sans version sont en version 2</translation>
    </message>
    <message>
        <source>When V2 fails, answer with V1 (marked as a fallback)</source>
        <translation>Quand V2 échoue, répondre avec V1 (marqué comme repli)</translation>
    </message>
    <message>
        <source>Object, array and when blocks; object and array literals</source>
        <translation>Blocs objet, tableau et when ; littéraux objet et tableau</translation>
    </message>
    <message>
        <source>JSONPath queries ($ and @)</source>
        <translation>Requêtes JSONPath ($ et @)</translation>
    </message>
    <message>
        <source>Array functions (map, filter, sort, sum…)</source>
        <translation>Fonctions de tableau (map, filter, sort, sum…)</translation>
    </message>
    <message>
        <source>The ?? and | operators and the new functions</source>
        <translation>Les opérateurs ?? et | et les nouvelles fonctions</translation>
    </message>
    <message>
        <source>V1 only</source>
        <translation>V1 uniquement</translation>
    </message>
    <message>
        <source>V1 (V2 disabled)</source>
        <translation>V1 (V2 désactivée)</translation>
    </message>
    <message>
        <source>V2, V1 as fallback</source>
        <translation>V2, V1 en repli</translation>
    </message>
    <message>
        <source>V2, no fallback</source>
        <translation>V2, sans repli</translation>
    </message>
</context>
<context>
    <name>studio::VisualMappingController</name>
    <message>
        <source>Visual Mapping</source>
        <translation>Mapping visuel</translation>
    </message>
    <message>
        <source>the mapping has syntax errors; fix them first</source>
        <translation>le mapping a des erreurs de syntaxe ; corrigez-les d’abord</translation>
    </message>
    <message>
        <source>this is not a field of the sample input</source>
        <translation>ce n’est pas un champ de l’entrée d’exemple</translation>
    </message>
    <message>
        <source>choose a field, not the whole input</source>
        <translation>choisissez un champ, pas toute l’entrée</translation>
    </message>
    <message>
        <source>this target holds a value, not an object</source>
        <translation>cette cible contient une valeur, pas un objet</translation>
    </message>
    <message>
        <source>it belongs to the element of an enclosing array block; name that element with “each … as name”</source>
        <translation>il appartient à l’élément d’un bloc tableau englobant ; nommez cet élément avec « each … as nom »</translation>
    </message>
    <message>
        <source>reading this field from there needs JSONPath (version 2 and the JSONPath flag), or drop it into an array block over its array</source>
        <translation>lire ce champ à cet endroit demande JSONPath (version 2 et le flag JSONPath), ou déposez-le dans un bloc tableau sur son tableau</translation>
    </message>
    <message>
        <source>Cannot map %1: %2.</source>
        <translation>Impossible de mapper %1 : %2.</translation>
    </message>
    <message>
        <source>%1 now reads %2.</source>
        <translation>%1 lit maintenant %2.</translation>
    </message>
    <message>
        <source>Mapped %1 to %2.</source>
        <translation>%1 mappé vers %2.</translation>
    </message>
</context>
<context>
    <name>studio::VisualMappingPanel</name>
    <message>
        <source>The sample input is not valid JSON: its fields cannot be shown.</source>
        <translation>L’entrée d’exemple n’est pas du JSON valide : ses champs ne peuvent pas être affichés.</translation>
    </message>
    <message>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>array</source>
        <translation>tableau</translation>
    </message>
    <message>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>The output document: drop a field here to add a rule at the top level.</source>
        <translation>Le document de sortie : déposez un champ ici pour ajouter une règle au premier niveau.</translation>
    </message>
    <message>
        <source>Drag a field of the sample input onto a target or a container to write its rule. Click a line or a target to select its rule in the editor.</source>
        <translation>Glissez un champ de l’entrée d’exemple sur une cible ou un conteneur pour écrire sa règle. Cliquez sur un lien ou une cible pour sélectionner sa règle dans l’éditeur.</translation>
    </message>
    <message>
        <source>Input field</source>
        <translation>Champ d’entrée</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sample value</source>
        <translation>Valeur d’exemple</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>… deeper levels are not shown</source>
        <translation>… les niveaux plus profonds ne sont pas affichés</translation>
    </message>
    <message>
        <source>1 field</source>
        <translation>1 champ</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation>%1 champs</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 élément</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 éléments</translation>
    </message>
    <message>
        <source>… 1 more field not shown</source>
        <translation>… 1 autre champ non affiché</translation>
    </message>
    <message>
        <source>… %1 more fields not shown</source>
        <translation>… %1 autres champs non affichés</translation>
    </message>
    <message>
        <source>Filter fields and targets (Ctrl+F)</source>
        <translation>Filtrer les champs et les cibles (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows the fields and targets whose name or path holds this text, the other ends of their rules, and their parents.</source>
        <translation>Affiche les champs et les cibles dont le nom ou le chemin contient ce texte, l’autre extrémité de leurs règles et leurs parents.</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>Tout déplier</translation>
    </message>
    <message>
        <source>Open every group of both trees</source>
        <translation>Ouvre tous les groupes des deux arbres</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>Tout replier</translation>
    </message>
    <message>
        <source>Close every group of both trees: one line per field and group</source>
        <translation>Ferme tous les groupes des deux arbres : une ligne par champ et par groupe</translation>
    </message>
    <message>
        <source>1 rule</source>
        <translation>1 règle</translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation>%1 règles</translation>
    </message>
    <message>
        <source>%1 of 1 rule shown</source>
        <translation>Règle affichée : %1 sur 1</translation>
    </message>
    <message>
        <source>%1 of %2 rules shown</source>
        <translation>Règles affichées : %1 sur %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1
%2
Line %3: %4</source>
        <translation>%1
%2
Ligne %3 : %4</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
</context>
<context>
    <name>studio::WorkspaceController</name>
    <message>
        <source>Sample 1</source>
        <translation>Exemple 1</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>Exemple %1</translation>
    </message>
    <message>
        <source>The workspace of %1 cannot be used (%2): starting afresh</source>
        <translation>L’espace de travail de %1 est inutilisable (%2) : on repart de zéro</translation>
    </message>
    <message>
        <source>The workspace was not saved: %1</source>
        <translation>L’espace de travail n’a pas été enregistré : %1</translation>
    </message>
</context>
<context>
    <name>studio::Workspace</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>le fichier dépasse %1 Mo</translation>
    </message>
    <message>
        <source>not valid JSON (line %1, column %2): %3</source>
        <translation>JSON non valide (ligne %1, colonne %2) : %3</translation>
    </message>
    <message>
        <source>written by a newer Mapping Studio (format %1)</source>
        <translation>écrit par une version plus récente de Mapping Studio (format %1)</translation>
    </message>
    <message>
        <source>not a Mapping Studio workspace</source>
        <translation>pas un espace de travail de Mapping Studio</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>Exemple %1</translation>
    </message>
</context>
<context>
    <name>studio::ServiceSettingsPage</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>A running mapping-dsl serve (staging, production) that the preview can ask: &quot;Ask the service&quot; sends the mapping and the sample input to its dry-run endpoint and shows its answer beside the studio&apos;s.</source>
        <translation>Un mapping-dsl serve en marche (pré-production, production) que l’aperçu peut interroger : « Demander au service » envoie le mapping et l’entrée d’exemple à son point d’accès dry-run et affiche sa réponse à côté de celle du studio.</translation>
    </message>
    <message>
        <source>Service URL:</source>
        <translation>URL du service :</translation>
    </message>
    <message>
        <source>Not an http:// or https:// address with a host.</source>
        <translation>Ce n’est pas une adresse http:// ou https:// avec un hôte.</translation>
    </message>
</context>
<context>
    <name>studio::ServiceController</name>
    <message>
        <source>Set the service&apos;s URL in Settings &gt; Service.</source>
        <translation>Indiquez l’URL du service dans Paramètres &gt; Service.</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Question au service…</translation>
    </message>
    <message>
        <source>%1 by fallback</source>
        <translation>%1 en repli</translation>
    </message>
    <message>
        <source>The sample input is not JSON: nothing to ask.</source>
        <translation>L’entrée d’exemple n’est pas du JSON : rien à demander.</translation>
    </message>
    <message>
        <source>Service unreachable: %1</source>
        <translation>Service injoignable : %1</translation>
    </message>
    <message>
        <source>The service answered %1: %2</source>
        <translation>Le service a répondu %1 : %2</translation>
    </message>
    <message>
        <source>Service: %1 — %2</source>
        <translation>Service : %1 — %2</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>moteur</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>repli</translation>
    </message>
    <message>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <source>output</source>
        <translation>sortie</translation>
    </message>
    <message>
        <source>%1, same answer as the studio</source>
        <translation>%1, même réponse que le studio</translation>
    </message>
    <message>
        <source>%1, differs from the studio: %2</source>
        <translation>%1, diffère du studio : %2</translation>
    </message>
    <message>
        <source>Service (%1): %2 — %3
Studio: %4 — %5</source>
        <translation>Service (%1) : %2 — %3
Studio : %4 — %5</translation>
    </message>
    <message>
        <source>Ask the service</source>
        <translation>Demander au service</translation>
    </message>
    <message>
        <source>Send the mapping and the sample input to the service set in Settings &gt; Service and compare its answer with the studio&apos;s</source>
        <translation>Envoyer le mapping et l’entrée d’exemple au service indiqué dans Paramètres &gt; Service et comparer sa réponse à celle du studio</translation>
    </message>
</context>
<context>
    <name>studio::CorpusCharts</name>
    <message>
        <source>(whole output)</source>
        <translation>(sortie entière)</translation>
    </message>
    <message>
        <source>records</source>
        <translation>enregistrements</translation>
    </message>
    <message>
        <source>Time per record</source>
        <translation>Temps par enregistrement</translation>
    </message>
    <message>
        <source>microseconds</source>
        <translation>microsecondes</translation>
    </message>
    <message>
        <source>Difference groups</source>
        <translation>Groupes de différences</translation>
    </message>
    <message>
        <source>records that differ</source>
        <translation>enregistrements qui diffèrent</translation>
    </message>
    <message>
        <source>Failures by error code: none</source>
        <translation>Échecs par code d’erreur : aucun</translation>
    </message>
    <message>
        <source>Failures by error code</source>
        <translation>Échecs par code d’erreur</translation>
    </message>
</context>
<context>
    <name>studio::CorpusController</name>
    <message>
        <source>Corpus</source>
        <translation>Corpus</translation>
    </message>
    <message>
        <source>Choose a corpus first: an NDJSON file or a folder of JSON files.</source>
        <translation>Choisissez d’abord un corpus : un fichier NDJSON ou un dossier de fichiers JSON.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>No V1 file is pinned: pin one in the preview, or choose another left side.</source>
        <translation>Aucun fichier V1 n’est épinglé : épinglez-en un dans l’aperçu, ou choisissez un autre côté gauche.</translation>
    </message>
    <message>
        <source>Choose the recorded outputs file (one output a line, aligned with the corpus).</source>
        <translation>Choisissez le fichier des sorties enregistrées (une sortie par ligne, alignée sur le corpus).</translation>
    </message>
    <message>
        <source>Recorded outputs of the pairs need a corpus of input/output pairs.</source>
        <translation>Les sorties enregistrées des paires demandent un corpus de paires entrée/sortie.</translation>
    </message>
    <message>
        <source>Corpus: %1</source>
        <translation>Corpus : %1</translation>
    </message>
    <message>
        <source>Accept Current Output</source>
        <translation>Accepter la sortie actuelle</translation>
    </message>
    <message>
        <source>Write the mapping&apos;s current output as the expected output of %1 in %2?</source>
        <translation>Écrire la sortie actuelle du mapping comme sortie attendue de %1 dans %2 ?</translation>
    </message>
    <message>
        <source>Cannot write %1:
%2</source>
        <translation>Impossible d’écrire %1 :
%2</translation>
    </message>
    <message>
        <source>Wrote the expected output of %1.</source>
        <translation>Sortie attendue de %1 écrite.</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>Rapport HTML (*.html)</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>Rapport JSON (*.json)</translation>
    </message>
    <message>
        <source>JUnit XML (*.xml)</source>
        <translation>JUnit XML (*.xml)</translation>
    </message>
    <message>
        <source>Export Corpus Report</source>
        <translation>Exporter le rapport du corpus</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 écrit.</translation>
    </message>
    <message>
        <source>Reading record %1 of %2…</source>
        <translation>Lecture de l’enregistrement %1 de %2…</translation>
    </message>
    <message>
        <source>Reading test case %1…</source>
        <translation>Lecture du cas de test %1…</translation>
    </message>
</context>
<context>
    <name>studio::CorpusExport</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Records compared</source>
        <translation>Enregistrements comparés</translation>
    </message>
    <message>
        <source>Both sides run</source>
        <translation>Les deux côtés s’exécutent</translation>
    </message>
    <message>
        <source>Invalid input</source>
        <translation>Entrées invalides</translation>
    </message>
    <message>
        <source>Compatibility</source>
        <translation>Compatibilité</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Taux d’erreur</translation>
    </message>
    <message>
        <source>Time ratio</source>
        <translation>Rapport des temps</translation>
    </message>
    <message>
        <source>GO</source>
        <translation>GO</translation>
    </message>
    <message>
        <source>NO-GO</source>
        <translation>NO-GO</translation>
    </message>
    <message>
        <source>%1 (partial: cancelled)</source>
        <translation>%1 (partiel : annulé)</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Côté gauche</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Côté droit</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>partial figures: lines %1 to %2 of %3 records</source>
        <translation>chiffres partiels : lignes %1 à %2 sur %3 enregistrements</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>%1 (%2 blank lines skipped)</source>
        <translation>%1 (%2 lignes vides ignorées)</translation>
    </message>
    <message>
        <source>Identical</source>
        <translation>Identiques</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 sur %2 (%3)</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>Différents</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>Erreurs à %1</translation>
    </message>
    <message>
        <source>%1 time per record</source>
        <translation>Temps par enregistrement à %1</translation>
    </message>
    <message>
        <source>p50 %1, p95 %2</source>
        <translation>p50 %1, p95 %2</translation>
    </message>
    <message>
        <source>%1 V1 fallbacks</source>
        <translation>Repli sur V1 à %1</translation>
    </message>
    <message>
        <source>Time right/left</source>
        <translation>Temps droite/gauche</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>s.o.</translation>
    </message>
    <message>
        <source>Difference groups</source>
        <translation>Groupes de différences</translation>
    </message>
    <message>
        <source>Failure groups</source>
        <translation>Groupes d’échecs</translation>
    </message>
    <message>
        <source>Corpus comparison: %1</source>
        <translation>Comparaison de corpus : %1</translation>
    </message>
    <message>
        <source>%1 — written %2</source>
        <translation>%1 — écrit le %2</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>No record differs.</source>
        <translation>Aucun enregistrement ne diffère.</translation>
    </message>
    <message>
        <source>(whole output)</source>
        <translation>(sortie entière)</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 enregistrements</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>No record failed.</source>
        <translation>Aucun enregistrement n’a échoué.</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Costly rules (right side)</source>
        <translation>Règles coûteuses (côté droit)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
</context>
<context>
    <name>studio::CorpusPanel</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>counting records…</source>
        <translation>comptage des enregistrements…</translation>
    </message>
    <message>
        <source>Counting the corpus&apos; records…</source>
        <translation>Comptage des enregistrements du corpus…</translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation>%1 sur %2 enregistrements</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>%1 enregistrements/s</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>, encore %1 environ</translation>
    </message>
    <message>
        <source>Cancelling: the records under way finish…</source>
        <translation>Annulation : les enregistrements en cours se terminent…</translation>
    </message>
    <message>
        <source>identical %1 · different %2 · left errors %3 · right errors %4 · invalid input %5</source>
        <translation>identiques %1 · différents %2 · erreurs à gauche %3 · erreurs à droite %4 · entrées invalides %5</translation>
    </message>
    <message>
        <source>Cancelled after %1: the figures below are partial.</source>
        <translation>Annulé après %1 : les chiffres ci-dessous sont partiels.</translation>
    </message>
    <message>
        <source>Done in %1.</source>
        <translation>Terminé en %1.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>s.o.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <source>C&amp;orpus:</source>
        <translation>C&amp;orpus :</translation>
    </message>
    <message>
        <source>&amp;Left side:</source>
        <translation>Côté &amp;gauche :</translation>
    </message>
    <message>
        <source>Ri&amp;ght side:</source>
        <translation>Côté d&amp;roit :</translation>
    </message>
    <message>
        <source>Thresholds:</source>
        <translation>Seuils :</translation>
    </message>
    <message>
        <source>An NDJSON file, a folder of JSON files, or drop one on the window</source>
        <translation>Un fichier NDJSON, un dossier de fichiers JSON, ou déposez-en un sur la fenêtre</translation>
    </message>
    <message>
        <source>F&amp;ile…</source>
        <translation>F&amp;ichier…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <source>NDJSON, one record a line</source>
        <translation>NDJSON, un enregistrement par ligne</translation>
    </message>
    <message>
        <source>Folder of JSON files</source>
        <translation>Dossier de fichiers JSON</translation>
    </message>
    <message>
        <source>Input/output pairs (NDJSON)</source>
        <translation>Paires entrée/sortie (NDJSON)</translation>
    </message>
    <message>
        <source>Outputs file (NDJSON)</source>
        <translation>Fichier des sorties (NDJSON)</translation>
    </message>
    <message>
        <source>O&amp;utputs…</source>
        <translation>Sor&amp;ties…</translation>
    </message>
    <message>
        <source>This mapping, routed as production (session flags)</source>
        <translation>Ce mapping, routé comme en production (drapeaux de la session)</translation>
    </message>
    <message>
        <source>This mapping on V2</source>
        <translation>Ce mapping sur V2</translation>
    </message>
    <message>
        <source>This mapping on V1</source>
        <translation>Ce mapping sur V1</translation>
    </message>
    <message>
        <source>error rate ≤ </source>
        <translation>taux d’erreur ≤ </translation>
    </message>
    <message>
        <source>time ratio ≤ </source>
        <translation>rapport des temps ≤ </translation>
    </message>
    <message>
        <source>different ≤ </source>
        <translation>différents ≤ </translation>
    </message>
    <message>
        <source>invalid input ≤ </source>
        <translation>entrées invalides ≤ </translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Export HT&amp;ML…</source>
        <translation>Exporter en HT&amp;ML…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Exporter en &amp;JSON…</translation>
    </message>
    <message>
        <source>E&amp;xport JUnit…</source>
        <translation>E&amp;xporter en JUnit…</translation>
    </message>
    <message>
        <source>Choose a corpus and press Run.</source>
        <translation>Choisissez un corpus et appuyez sur Lancer.</translation>
    </message>
    <message>
        <source>Pinned V1 file on V1 (none pinned)</source>
        <translation>Fichier V1 épinglé sur V1 (aucun épinglé)</translation>
    </message>
    <message>
        <source>%1 on V1 (pinned)</source>
        <translation>%1 sur V1 (épinglé)</translation>
    </message>
    <message>
        <source>Recorded outputs (a file aligned with the corpus)</source>
        <translation>Sorties enregistrées (un fichier aligné sur le corpus)</translation>
    </message>
    <message>
        <source>Recorded outputs of the pairs</source>
        <translation>Sorties enregistrées des paires</translation>
    </message>
    <message>
        <source>Corpus Folder</source>
        <translation>Dossier du corpus</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>Corpus</translation>
    </message>
    <message>
        <source>NDJSON (*.ndjson *.jsonl);;All files (*)</source>
        <translation>NDJSON (*.ndjson *.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Recorded Outputs</source>
        <translation>Sorties enregistrées</translation>
    </message>
</context>
<context>
    <name>studio::CorpusRecordBar</name>
    <message>
        <source>&amp;Accept Current Output…</source>
        <translation>&amp;Accepter la sortie actuelle…</translation>
    </message>
    <message>
        <source>Write the mapping&apos;s current output as this test&apos;s expected output</source>
        <translation>Écrire la sortie actuelle du mapping comme sortie attendue de ce test</translation>
    </message>
    <message>
        <source>&amp;Back to the Sample</source>
        <translation>&amp;Retour à l’exemple</translation>
    </message>
    <message>
        <source>Put back the sample input that was there before</source>
        <translation>Remettre l’entrée d’exemple qui était là avant</translation>
    </message>
    <message>
        <source>Test case %1 of %2: the sample input is its input</source>
        <translation>Cas de test %1 de %2 : l’entrée d’exemple est son entrée</translation>
    </message>
    <message>
        <source>Record %1 of %2: the preview shows both sides, differences marked</source>
        <translation>Enregistrement %1 de %2 : l’aperçu montre les deux côtés, différences marquées</translation>
    </message>
</context>
<context>
    <name>studio::CorpusResults</name>
    <message>
        <source>(missing)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <source>Group or record</source>
        <translation>Groupe ou enregistrement</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Left → right</source>
        <translation>Gauche → droite</translation>
    </message>
    <message>
        <source>Suite or case</source>
        <translation>Suite ou cas</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Run Tests</source>
        <translation>Lancer les tests</translation>
    </message>
    <message>
        <source>Run the mapping&apos;s test suites, as mapping-dsl test finds them</source>
        <translation>Lancer les suites de tests du mapping, comme mapping-dsl test les trouve</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>(whole output)</source>
        <translation>(sortie entière)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>enregistrement %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>left fails</source>
        <translation>échec à gauche</translation>
    </message>
    <message>
        <source>right fails</source>
        <translation>échec à droite</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>entrée invalide</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Time (µs)</source>
        <translation>Temps (µs)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Rules of the %1 side (%2), over every record compared</source>
        <translation>Règles du côté %1 (%2), sur tous les enregistrements comparés</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droit</translation>
    </message>
    <message>
        <source>left</source>
        <translation>gauche</translation>
    </message>
    <message>
        <source>No mapping side was profiled.</source>
        <translation>Aucun côté mapping n’a été profilé.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation>%1 réussis, %2 en échec</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>cannot run</source>
        <translation>ne peut pas s’exécuter</translation>
    </message>
    <message>
        <source>No test suite beside the mapping (NAME.tests/ or NAME.tests.ndjson).</source>
        <translation>Aucune suite de tests à côté du mapping (NOM.tests/ ou NOM.tests.ndjson).</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed. Double-click a case to open it.</source>
        <translation>%1 réussis, %2 en échec. Double-cliquez sur un cas pour l’ouvrir.</translation>
    </message>
    <message>
        <source>at %1: expected %2, got %3</source>
        <translation>en %1 : attendu %2, obtenu %3</translation>
    </message>
    <message>
        <source>… and %1 more differences</source>
        <translation>… et %1 autres différences</translation>
    </message>
    <message>
        <source>errors: expected [%1], got [%2]</source>
        <translation>erreurs : attendu [%1], obtenu [%2]</translation>
    </message>
</context>
<context>
    <name>studio::CorpusRun</name>
    <message>
        <source>%1 holds no JSON file (*.json).</source>
        <translation>%1 ne contient aucun fichier JSON (*.json).</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>%1 has no record %2.</source>
        <translation>%1 n’a pas d’enregistrement %2.</translation>
    </message>
    <message>
        <source>%1 has no line %2.</source>
        <translation>%1 n’a pas de ligne %2.</translation>
    </message>
    <message>
        <source>%1: its flag file %2 cannot be read or has errors.</source>
        <translation>%1 : son fichier de drapeaux %2 est illisible ou contient des erreurs.</translation>
    </message>
    <message>
        <source>%1: now &apos;%2&apos; is not an ISO 8601 date-time.</source>
        <translation>%1 : now « %2 » n’est pas une date-heure ISO 8601.</translation>
    </message>
    <message>
        <source>The comparison stopped: %1</source>
        <translation>La comparaison s’est arrêtée : %1</translation>
    </message>
    <message>
        <source>No such test case.</source>
        <translation>Ce cas de test n’existe pas.</translation>
    </message>
    <message>
        <source>The mapping gave no output for this case: there is nothing to accept.</source>
        <translation>Le mapping n’a donné aucune sortie pour ce cas : il n’y a rien à accepter.</translation>
    </message>
</context>
<context>
    <name>studio::PreviewWhy</name>
    <message>
        <source>the sample input is not JSON: nothing ran</source>
        <translation>l’entrée d’exemple n’est pas du JSON : rien n’a été exécuté</translation>
    </message>
    <message>
        <source>written by the rule at line %1: %2</source>
        <translation>écrite par la règle de la ligne %1 : %2</translation>
    </message>
    <message>
        <source>inside the value written at %1 by the rule at line %2: %3</source>
        <translation>dans la valeur écrite en %1 par la règle de la ligne %2 : %3</translation>
    </message>
    <message>
        <source>element %1 of the array block at line %2</source>
        <translation>élément %1 du bloc de tableau de la ligne %2</translation>
    </message>
    <message>
        <source>holds what rules wrote inside it, first at %1 by the rule at line %2</source>
        <translation>contient ce que des règles y ont écrit, d’abord en %1 par la règle de la ligne %2</translation>
    </message>
    <message>
        <source>%1 is missing in the input (rule at line %2)</source>
        <translation>%1 est absent de l’entrée (règle de la ligne %2)</translation>
    </message>
    <message>
        <source>%1 gives no value (rule at line %2)</source>
        <translation>%1 ne donne aucune valeur (règle de la ligne %2)</translation>
    </message>
    <message>
        <source>%1 is null in the input (array block at line %2)</source>
        <translation>%1 est null dans l’entrée (bloc de tableau de la ligne %2)</translation>
    </message>
    <message>
        <source>error %1 in the rule at line %2</source>
        <translation>erreur %1 dans la règle de la ligne %2</translation>
    </message>
    <message>
        <source>error %1 in the rule at line %2: %3</source>
        <translation>erreur %1 dans la règle de la ligne %2 : %3</translation>
    </message>
    <message>
        <source>the rule at line %1 writes it but did not run</source>
        <translation>la règle de la ligne %1 l’écrit mais ne s’est pas exécutée</translation>
    </message>
    <message>
        <source>the rules at lines %1 write it but none ran</source>
        <translation>les règles des lignes %1 l’écrivent mais aucune ne s’est exécutée</translation>
    </message>
    <message>
        <source>no rule writes it</source>
        <translation>aucune règle ne l’écrit</translation>
    </message>
    <message>
        <source>not known: the trace was cut before it was recorded</source>
        <translation>inconnu : la trace a été coupée avant de l’enregistrer</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1 (en %2)</translation>
    </message>
    <message>
        <source>V1 answered as a fallback: %1</source>
        <translation>V1 a répondu en repli : %1</translation>
    </message>
    <message>
        <source>%1 (the trace was cut: later rules are not known)</source>
        <translation>%1 (la trace a été coupée : les règles suivantes sont inconnues)</translation>
    </message>
    <message>
        <source>Looking for why %1 differs…</source>
        <translation>Recherche de la raison pour laquelle %1 diffère…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Ours (%1)</source>
        <translation>Notre réponse (%1)</translation>
    </message>
    <message>
        <source>V2</source>
        <translation>V2</translation>
    </message>
    <message>
        <source>V1</source>
        <translation>V1</translation>
    </message>
    <message>
        <source>V1 (%1)</source>
        <translation>V1 (%1)</translation>
    </message>
</context>
<context>
    <name>studio::DebuggerWatchesView</name>
    <message>
        <source>evaluating…</source>
        <translation>évaluation…</translation>
    </message>
    <message>
        <source>Add a watch…</source>
        <translation>Ajouter un espion…</translation>
    </message>
    <message>
        <source>Double-click, or press Enter, and type an expression of the mapping's language: it is evaluated at each stop in the scope of the current rule.</source>
        <translation>Double-cliquez, ou appuyez sur Entrée, et tapez une expression du langage de mapping : elle est évaluée à chaque arrêt dans la portée de la règle courante.</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Espion</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Add Watch</source>
        <translation>Ajouter un espion</translation>
    </message>
    <message>
        <source>Edit Watch</source>
        <translation>Modifier l’espion</translation>
    </message>
    <message>
        <source>Remove Watch</source>
        <translation>Supprimer l’espion</translation>
    </message>
    <message>
        <source>Remove All Watches</source>
        <translation>Supprimer tous les espions</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>Copier la valeur</translation>
    </message>
</context>
</TS>
