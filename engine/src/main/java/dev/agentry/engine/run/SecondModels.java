package dev.agentry.engine.run;

import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.model.AnswerSettings;
import dev.agentry.engine.model.CompressionSettings;
import dev.agentry.engine.model.ModelDef;
import org.jspecify.annotations.Nullable;

/**
 * The clients of a participant's auxiliary models, made once with its main model: the parser model, the output model
 * and the model that compresses tool results (the main model itself when the compression names none). Each is null
 * when it is not used.
 */
record SecondModels(@Nullable ChatModel parser, @Nullable ChatModel output, @Nullable ChatModel compressor) {
  static final SecondModels NONE = new SecondModels(null, null, null);

  static SecondModels prepare(AnswerSettings answer, CompressionSettings compression, ModelDef main,
      ChatModel mainModel, EngineConfig config) {
    ChatModel compressor = !compression.enabled() ? null
        : compression.model().equals(main) ? mainModel : config.chatModel(compression.model());
    return new SecondModels(answer.parserModel() == null ? null : config.chatModel(answer.parserModel()),
        answer.outputModel() == null ? null : config.chatModel(answer.outputModel()), compressor);
  }
}
